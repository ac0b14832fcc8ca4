/// Reads one summary file into a `Week`: title, paragraphs, sentences, and per sentence its places,
/// its time in the week and its drone figures.
///
/// Build one parser and reuse it: it holds the place matcher, which takes a moment to build.
public struct SummaryParser: Sendable {
    /// Bumped whenever parsing changes what it stores; the store reindexes older databases.
    /// 2: the line and paragraph separators U+2028 and U+2029 end lines (they had been kept).
    public static let version = 2

    public let matcher: PlaceMatcher

    public init(matcher: PlaceMatcher = PlaceMatcher()) {
        self.matcher = matcher
    }

    /// Parses `text` (already decoded); `source` names the file in errors.
    public func parse(_ raw: String, source: String? = nil) throws -> Week {
        let text = TextHygiene.clean(raw)
        var lines: [(number: Int, text: String)] = []
        // As bytes: a newline is one byte in UTF-8, and splitting by Characters is slow.
        var contiguous = text
        contiguous.withUTF8 { bytes in
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                lines.append((lines.count + 1, String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
                start = i + 1
            }
        }
        guard let titleAt = lines.firstIndex(where: { !$0.text.trimmingSpaces().isEmpty }) else {
            throw ParseError(source: source, "the file holds only blank lines")
        }
        var titleLine = lines[titleAt].text.trimmingSpaces()
        var bodyFrom = titleAt + 1
        var parsed = TitleParser.parse(titleLine)
        if parsed == nil, let next = lines[bodyFrom...].firstIndex(where: { !$0.text.trimmingSpaces().isEmpty }) {
            // A title broken over two lines: "Weekly roundup." / "Ukraine resists … Days 971-975".
            let joined = titleLine + " " + lines[next].text.trimmingSpaces()
            if joined.count < 200, let p = TitleParser.parse(joined) {
                parsed = p
                titleLine = joined
                bodyFrom = next + 1
            }
        }
        guard let title = parsed else {
            throw ParseError(
                source: source, line: lines[titleAt].number,
                "the first line is not a summary title (expected a form such as “Bilan de la semaine. Jours 971-975 de résistance” or “Weekly roundup. … Days 971-975”): “\(excerpt(titleLine))”"
            )
        }
        let paragraphs = Paragraphs.split(lines: Array(lines[bodyFrom...]))
        guard !paragraphs.isEmpty else {
            throw ParseError(source: source, line: lines[titleAt].number, "the summary has a title but no text")
        }
        let language = detectLanguage(title: title.language, body: paragraphs)
        var events: [Event] = []
        var previousDate: CalendarDay? = nil
        for (p, para) in paragraphs.enumerated() {
            let sentences = para.heading ? [para.text] : SentenceSplitter.split(para.text)
            for (i, s) in sentences.enumerated() {
                let words = WordTokenizer.words(s)
                let ids = matcher.placeIDs(in: words)
                let time = TimeInWeek.read(words: words.map(\.folded), in: title.range, previous: previousDate)
                previousDate = time.date
                events.append(
                    Event(
                        paragraph: p, index: i, text: s, heading: para.heading, placeIDs: ids,
                        places: matcher.names(ids), partOfWeek: time.part, date: time.date,
                        figures: DroneFigureReader.figures(in: s, language: language)))
            }
        }
        return Week(range: title.range, language: language, title: titleLine, events: events, text: text)
    }

    private func excerpt(_ s: String) -> String {
        s.count > 80 ? String(s.prefix(77)) + "…" : s
    }

    static let frenchMarkers: Set<String> = [
        "le", "la", "les", "des", "du", "et", "est", "une", "dans", "sur", "pour", "par", "qui", "que", "ont", "au",
    ]
    static let englishMarkers: Set<String> = [
        "the", "and", "of", "to", "in", "was", "were", "is", "on", "for", "with", "that", "by", "has", "have",
    ]

    /// The title's language, unless the text is clearly in the other one.
    func detectLanguage(title: Language, body: [Paragraph]) -> Language {
        var fr = 0
        var en = 0
        // The markers are ASCII words: read the text as bytes, split at spaces, commas and full stops,
        // lower-case ASCII letters, and skip any word with other bytes (it cannot be a marker).
        var word: [UInt8] = []
        var ascii = true
        func count() {
            if ascii, !word.isEmpty, word.count <= 5 {
                let w = String(decoding: word, as: UTF8.self)
                if SummaryParser.frenchMarkers.contains(w) { fr += 1 }
                if SummaryParser.englishMarkers.contains(w) { en += 1 }
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for p in body.prefix(2) {
            for b in p.text.utf8 {
                if b == 0x20 || b == 0x2C || b == 0x2E {
                    count()
                } else if b >= 0x80 {
                    ascii = false
                    word.append(b)
                } else {
                    word.append(b >= 0x41 && b <= 0x5A ? b + 32 : b)
                }
            }
            count()
        }
        if title == .fr, en >= 10, en > 3 * fr { return .en }
        if title == .en, fr >= 10, fr > 3 * en { return .fr }
        return title
    }
}
