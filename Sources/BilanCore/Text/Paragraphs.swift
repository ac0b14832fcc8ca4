/// A block of a summary's body: a paragraph of sentences or a sub-headline.
public struct Paragraph: Sendable, Hashable {
    public var text: String
    public var heading: Bool
    /// 1-based line of the file where the block starts.
    public var line: Int
}

/// Cuts a body into paragraphs and sub-headlines.
///
/// Blank lines separate paragraphs. A single newline is a break when the line before ends a sentence,
/// or when the file has no blank line at all; otherwise the lines are joined with a space. A short
/// block without a final full stop is a sub-headline.
public enum Paragraphs {
    public static func split(lines: [(number: Int, text: String)]) -> [Paragraph] {
        let hasBlank = lines.contains { $0.text.trimmingSpaces().isEmpty }
        var out: [Paragraph] = []
        var current: [String] = []
        var currentLine = 0
        func flush() {
            guard !current.isEmpty else { return }
            let text = current.joined(separator: " ")
            out.append(Paragraph(text: text, heading: isHeading(text), line: currentLine))
            current = []
        }
        for (number, raw) in lines {
            let line = collapseSpaces(raw.trimmingSpaces())
            if line.isEmpty {
                flush()
                continue
            }
            if let prev = current.last,
                !hasBlank || endsSentence(prev)
                    || (current.count == 1 && prev.count < 70 && isHeading(prev) && !endsMidPhrase(prev)
                        && line.first?.isUppercase == true)
            {
                flush()
            }
            if current.isEmpty { currentLine = number }
            current.append(line)
        }
        flush()
        return out
    }

    static func endsSentence(_ line: String) -> Bool {
        var s = Substring(line)
        while let l = s.last, SentenceSplitter.closers.contains(l) { s = s.dropLast() }
        guard let last = s.last else { return false }
        return last == "." || last == "!" || last == "?" || last == "…"
    }

    /// Words after which a line cannot end a headline: it was wrapped mid-sentence.
    static let continuationWords: Set<String> = [
        "de", "d", "la", "le", "les", "l", "des", "du", "a", "au", "aux", "et", "ou", "en", "dans", "sur", "pour",
        "par", "avec", "vers", "pres", "que", "qui", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cette",
        "of", "the", "and", "or", "in", "on", "to", "an", "with", "for", "by", "at", "from", "near", "that", "its",
    ]

    static func endsMidPhrase(_ line: String) -> Bool {
        guard let last = WordTokenizer.words(line).last else { return false }
        return continuationWords.contains(last.folded)
    }

    /// A sub-headline: short, one line's worth, not ending like a sentence or a lead-in.
    static func isHeading(_ text: String) -> Bool {
        guard !hasMoreCharacters(text, than: 120), let last = text.last else { return false }
        if endsSentence(text) { return false }
        if last == ":" || last == ";" || last == "," { return false }
        return true
    }

    /// Whether `text` has more than `n` characters, mostly without counting them (a paragraph's
    /// count walks its graphemes): a character has at least one byte, and two ASCII bytes other
    /// than CR LF are never one character.
    static func hasMoreCharacters(_ text: String, than n: Int) -> Bool {
        let bytes = text.utf8
        if bytes.count <= n { return false }
        var ascii = 0
        for b in bytes where b < 0x80 && b != 0x0D { ascii += 1 }
        if ascii > n { return true }
        return text.count > n
    }

    /// Stray runs of spaces and tabs become one space (NBSP and U+202F are kept).
    static func collapseSpaces(_ s: String) -> String {
        var needed = false
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b == 0x09 || (b == 0x20 && previous == 0x20) {
                needed = true
                break
            }
            previous = b
        }
        guard needed else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var lastSpace = false
        for c in s {
            if c == " " || c == "\t" {
                if !lastSpace { out.append(" ") }
                lastSpace = true
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        return out
    }
}
