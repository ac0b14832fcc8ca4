import BilanCore
import Foundation

/// Finds a weekly summary in a saved web page (a browser's "save page", or its AMP variant) and
/// returns it as the text `bilan import` reads: the title line, a blank line, then paragraphs
/// separated by blank lines, sub-headlines on their own.
///
/// No theme's class names are assumed. The article is found by structure and text density:
/// menus, headers, footers, asides, forms, buttons, embeds and scripts are dropped; every
/// paragraph-like block (`p`, `li`, `h2`–`h6`, a `div` holding only inline content) scores its
/// text length, lowered by its share of link text (a list of links scores nothing) and by class or id
/// words such as "comment", "share", "related" or "widget" on its ancestors; the article is the
/// deepest element that holds most of the page's score. The title is the series title nearest to
/// it: an `h1`, else `og:title`, else `<title>` without the site's suffix.
public enum PageExtractor {
    /// The summary's text, or a `ParseError` naming `source` (line 1) when the page holds none.
    public static func extractText(_ data: Data, source: String? = nil) throws -> String {
        guard let root = HTMLDocument.parse(data) else {
            throw ParseError(source: source, line: 1, "not an HTML page libxml2 can read")
        }
        return try extract(root, source: source)
    }

    // MARK: - Vocabulary

    /// Elements whose contents are never article text.
    static let dropped: Set<String> = [
        "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe", "svg", "button",
        "select", "textarea", "input", "label", "object", "embed", "canvas", "video", "audio", "map", "img",
        "picture", "figure", "figcaption", "head", "title", "meta", "link", "dialog", "menu",
    ]
    /// AMP components that hold article text; every other `amp-*` element is dropped.
    static let ampKept: Set<String> = ["amp-fit-text", "amp-accordion"]
    static let inline: Set<String> = [
        "a", "span", "strong", "b", "em", "i", "u", "sup", "sub", "small", "mark", "abbr", "cite", "q", "code",
        "time", "font", "s", "del", "ins", "bdi", "bdo", "dfn", "kbd", "var", "data", "tt", "big", "nobr", "wbr", "br",
    ]
    static let headings: Set<String> = ["h2", "h3", "h4", "h5", "h6"]
    static let paragraphs: Set<String> = ["p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd"]
    /// Class or id words that mark page furniture (a penalty, not a rule).
    static let negativeWords = [
        "comment", "share", "sharing", "social", "related", "sidebar", "widget", "menu", "breadcrumb", "footer",
        "navigation", "navbar", "promo", "newsletter", "subscribe", "author-bio", "tags", "meta", "pagination",
        "cookie", "popup", "advert", "banner",
    ]
    /// Words that mark furniture strongly enough to leave a link-heavy or minor block out of the text.
    static let furnitureWords = [
        "comment", "share", "sharing", "social", "related", "sidebar", "menu", "breadcrumb", "newsletter",
        "subscribe", "author-bio", "pagination", "cookie", "popup", "advert", "post-info", "byline", "entry-meta",
        "post-meta",
    ]
    static let roleDropped: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"]

    static func isDropped(_ n: HTMLNode) -> Bool {
        if n.isText { return false }
        if dropped.contains(n.name) { return true }
        if n.name.hasPrefix("amp-") && !ampKept.contains(n.name) { return true }
        if let role = n.attribute("role"), roleDropped.contains(role.lowercased()) { return true }
        if n.attribute("hidden") != nil || n.attribute("aria-hidden")?.lowercased() == "true" { return true }
        return false
    }

    static func classAndID(_ n: HTMLNode) -> String {
        ((n.attribute("class") ?? "") + " " + (n.attribute("id") ?? "")).lowercased()
    }

    static func hasNegativeWord(_ n: HTMLNode) -> Bool {
        let s = classAndID(n)
        return negativeWords.contains { s.contains($0) }
    }

    static func hasFurnitureWord(_ n: HTMLNode) -> Bool {
        let s = classAndID(n)
        return furnitureWords.contains { s.contains($0) }
    }

    // MARK: - Scoring

    /// Text and link-text lengths below a node (dropped elements left out).
    struct Lengths {
        var text = 0
        var links = 0
        var density: Double { text == 0 ? 0 : Double(links) / Double(text) }
    }

    static func lengths(_ n: HTMLNode, inLink: Bool = false) -> Lengths {
        if n.isText {
            let c = n.text.unicodeScalars.reduce(0) { $0 + (isCollapsible($1) ? 0 : 1) }
            return Lengths(text: c, links: inLink ? c : 0)
        }
        if isDropped(n) { return Lengths() }
        var l = Lengths()
        let link = inLink || n.name == "a"
        for c in n.children {
            let k = lengths(c, inLink: link)
            l.text += k.text
            l.links += k.links
        }
        return l
    }

    static func hasBlockChild(_ n: HTMLNode) -> Bool {
        n.children.contains { !$0.isText && !inline.contains($0.name) && !isDropped($0) }
    }

    /// Scores every element: `score[id]` is the weighted paragraph text it holds.
    final class Scores {
        var value: [ObjectIdentifier: Double] = [:]
        subscript(_ n: HTMLNode) -> Double { value[ObjectIdentifier(n)] ?? 0 }
    }

    static func score(_ root: HTMLNode) -> Scores {
        let scores = Scores()
        func walk(_ n: HTMLNode, weight: Double) -> Double {
            if n.isText || isDropped(n) { return 0 }
            var w = weight
            if hasNegativeWord(n) { w *= 0.3 }
            var total = 0.0
            let paragraphLike = paragraphs.contains(n.name) || (!inline.contains(n.name) && !hasBlockChild(n))
            if paragraphLike && !(n.name == "li" && hasBlockChild(n)) && !(n.name == "blockquote" && hasBlockChild(n)) {
                let l = lengths(n)
                if l.text > 0 && l.density <= 0.5 {
                    let d = 1 - l.density
                    total = Double(l.text) * d * d * w
                }
            } else {
                for c in n.children { total += walk(c, weight: w) }
            }
            scores.value[ObjectIdentifier(n)] = total
            return total
        }
        _ = walk(root, weight: 1)
        return scores
    }

    /// The deepest element holding most of the score: from the top, go down while one child holds
    /// at least 75 % of its parent's score.
    static func articleContainer(_ root: HTMLNode, _ scores: Scores) -> HTMLNode? {
        var cur = root
        guard scores[root] > 0 else { return nil }
        while true {
            let kids = cur.children.filter { !$0.isText }
            guard let best = kids.max(by: { scores[$0] < scores[$1] }), scores[best] >= 0.75 * scores[cur],
                !paragraphs.contains(best.name), hasBlockChild(best)
            else { break }
            cur = best
        }
        return cur
    }

    // MARK: - Text

    static func isCollapsible(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}"
    }

    /// Collapses runs of ASCII white space into one space; NBSP and U+202F are kept as they are.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for u in s.unicodeScalars {
            if isCollapsible(u) {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(u)
            }
        }
        if space && !out.isEmpty { out.append(" ") }
        return String(out)
    }

    /// Trims ASCII spaces; a line of nothing but spaces (NBSP included) is empty.
    static func tidyLine(_ s: String) -> String {
        let c = collapse(s)
        let t = c.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        if t.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { return "" }
        return t
    }

    /// Writes the article's paragraphs in document order.
    struct Writer {
        var paragraphs: [String] = []
        var buffer = ""
        let skip: (HTMLNode) -> Bool

        mutating func flush() {
            let lines = buffer.split(separator: "\n", omittingEmptySubsequences: false).map { tidyLine(String($0)) }
            let text = lines.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty { paragraphs.append(text) }
            buffer = ""
        }

        mutating func inlineText(_ n: HTMLNode) {
            if n.isText {
                buffer += n.text
                return
            }
            if isDropped(n) || skip(n) { return }
            if n.name == "br" {
                buffer += "\n"
                return
            }
            for c in n.children { inlineText(c) }
        }

        /// A block: its inline runs become paragraphs, its block children are written in turn.
        mutating func block(_ n: HTMLNode) {
            flush()
            var i = 0
            let kids = n.children
            while i < kids.count {
                let c = kids[i]
                i += 1
                if c.isText {
                    buffer += c.text
                    continue
                }
                if isDropped(c) || skip(c) { continue }
                if inline.contains(c.name) {
                    // "<strong>Sub-headline</strong><br>text…": the bold lead is a paragraph of its own.
                    if (c.name == "strong" || c.name == "b"), buffer.allSatisfy(\.isWhitespace),
                        let next = kids[i...].first(where: { !($0.isText && $0.text.allSatisfy(\.isWhitespace)) }),
                        next.name == "br", kids[i...].contains(where: { $0.isText && !$0.text.allSatisfy(\.isWhitespace) || (!$0.isText && $0.name != "br") })
                    {
                        inlineText(c)
                        flush()
                        i = kids.firstIndex(where: { $0 === next })! + 1
                        continue
                    }
                    inlineText(c)
                    continue
                }
                block(c)
            }
            flush()
        }
    }

    // MARK: - Title

    static func headingText(_ n: HTMLNode) -> String {
        tidyLine(n.textContent.replacingOccurrences(of: "\n", with: " "))
    }

    /// Steps between two nodes in the tree.
    static func distance(_ a: HTMLNode, _ b: HTMLNode) -> Int {
        var ancestors: [ObjectIdentifier: Int] = [:]
        var p: HTMLNode? = a
        var k = 0
        while let n = p {
            ancestors[ObjectIdentifier(n)] = k
            k += 1
            p = n.parent
        }
        p = b
        k = 0
        while let n = p {
            if let up = ancestors[ObjectIdentifier(n)] { return up + k }
            k += 1
            p = n.parent
        }
        return Int.max / 2
    }

    /// `<title>` or `og:title` without a site suffix ("… | UACRISIS.ORG", "… – Site"): the shortest
    /// head that still reads as a series title.
    static func withoutSuffix(_ raw: String) -> String? {
        var t = tidyLine(raw)
        guard TitleParser.parse(t) != nil else { return nil }
        let separators = [" | ", " – ", " — ", " - ", " :: ", " » ", " · "]
        while true {
            var cut: String? = nil
            for sep in separators {
                if let r = t.range(of: sep, options: .backwards) {
                    let head = String(t[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                    if TitleParser.parse(head) != nil, cut.map({ head.count > $0.count }) ?? true { cut = head }
                }
            }
            guard let c = cut else { return t }
            t = c
        }
    }

    static func describe(_ s: String) -> String {
        s.count > 80 ? String(s.prefix(77)) + "…" : s
    }

    // MARK: - Extraction

    static func extract(_ root: HTMLNode, source: String?) throws -> String {
        let all = root.elements()
        let body = all.first { $0.name == "body" } ?? root
        let pageTitle = all.first { $0.name == "title" }.map { headingText($0) } ?? ""
        let ogTitle = all.first { $0.name == "meta" && ($0.attribute("property") ?? $0.attribute("name"))?.lowercased() == "og:title" }?
            .attribute("content")

        let scores = score(body)
        let container = articleContainer(body, scores)

        // The title: a series title in an h1 (nearest to the article), else og:title, else <title>.
        let h1s = all.filter { $0.name == "h1" }
        var titleNode: HTMLNode? = nil
        var title: String? = nil
        let valid = h1s.filter { TitleParser.parse(headingText($0)) != nil }
        if let anchor = container {
            titleNode = valid.min { a, b in
                let da = distance(a, anchor) + (lengths(a).density > 0.5 ? 4 : 0)
                let db = distance(b, anchor) + (lengths(b).density > 0.5 ? 4 : 0)
                return da != db ? da < db : abs(a.order - anchor.order) < abs(b.order - anchor.order)
            }
        } else {
            titleNode = valid.first
        }
        if let t = titleNode { title = headingText(t) }
        if title == nil, let og = ogTitle { title = withoutSuffix(og) }
        if title == nil { title = withoutSuffix(pageTitle) }

        guard let title, let container else {
            let shown = h1s.first.map { headingText($0) } ?? ogTitle.map { tidyLine($0) } ?? pageTitle
            throw ParseError(
                source: source, line: 1,
                shown.isEmpty
                    ? "no weekly summary found in this page (no title)"
                    : "no weekly summary found in this page (title “\(describe(shown))”)")
        }

        // Inside the article, leave out furniture: link lists, and blocks named like comments or
        // sharing that hold links or only a small part of the text.
        let total = max(scores[container], 1)
        // Blocks that name another week of the series (related-article cards, "previous/next" links).
        let parsedTitle = TitleParser.parse(title)
        var namesOtherWeek = Set<ObjectIdentifier>()
        for e in all where e.name == "a" || e.name.count == 2 && e.name.hasPrefix("h") {
            guard let t = TitleParser.parse(headingText(e)), t != parsedTitle else { continue }
            var p: HTMLNode? = e
            while let n = p {
                namesOtherWeek.insert(ObjectIdentifier(n))
                p = n.parent
            }
        }
        func skip(_ n: HTMLNode) -> Bool {
            if n.name == "h1" || n === titleNode { return true }
            if namesOtherWeek.contains(ObjectIdentifier(n)) && scores[n] < 0.5 * total { return true }
            let l = lengths(n)
            if l.text > 0, l.density > 0.5, n.name != "a", !inline.contains(n.name) { return true }
            if hasFurnitureWord(n) && (l.density > 0.25 || scores[n] < 0.5 * total) { return true }
            return false
        }
        var writer = Writer(skip: skip)
        writer.block(container)
        var paras = writer.paragraphs
        let folded = Folding.fold(title)
        paras.removeAll { Folding.fold($0) == folded }
        guard !paras.isEmpty else {
            throw ParseError(source: source, line: 1, "no weekly summary found in this page (title “\(describe(title))”, but no text)")
        }
        return ([title] + paras).joined(separator: "\n\n") + "\n"
    }
}
