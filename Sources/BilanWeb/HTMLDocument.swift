import CLibXML2
import Foundation

/// An HTML page as a small Swift tree, read with libxml2's HTML parser (which decodes entities and
/// recovers from broken markup). Comments, processing instructions and the contents of `script`,
/// `style` and `template` are left out when the tree is built.
final class HTMLNode {
    /// Lower-cased tag name; empty for a text node.
    let name: String
    /// The text of a text node (entities decoded); empty for elements.
    let text: String
    let attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLNode?
    /// Position in document order (elements and text), for "nearest" comparisons.
    var order = 0
    var depth = 0

    init(name: String, text: String = "", attributes: [String: String] = [:]) {
        self.name = name
        self.text = text
        self.attributes = attributes
    }

    var isText: Bool { name.isEmpty }

    func attribute(_ key: String) -> String? { attributes[key] }

    /// Every element below this one, in document order (this one first).
    func elements() -> [HTMLNode] {
        var out: [HTMLNode] = []
        func walk(_ n: HTMLNode) {
            guard !n.isText else { return }
            out.append(n)
            for c in n.children { walk(c) }
        }
        walk(self)
        return out
    }

    /// The raw text below this node (entities decoded, whitespace as in the page).
    var textContent: String {
        if isText { return text }
        var s = ""
        func walk(_ n: HTMLNode) {
            if n.isText { s += n.text } else { for c in n.children { walk(c) } }
        }
        walk(self)
        return s
    }

    func isDescendant(of other: HTMLNode) -> Bool {
        var p: HTMLNode? = self
        while let n = p {
            if n === other { return true }
            p = n.parent
        }
        return false
    }
}

enum HTMLDocument {
    /// libxml2 wants `xmlInitParser` once before parsers run on several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `data`; the encoding comes from a BOM, else the page's `<meta charset>` /
    /// `http-equiv` declaration, else UTF-8 when the bytes are valid UTF-8, else Windows-1252.
    static func parse(_ data: Data) -> HTMLNode? {
        _ = initialized
        shim_silence_errors()
        let encoding = sniffEncoding([UInt8](data.prefix(4096)), whole: data)
        let doc: htmlDocPtr? = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), "page.html", encoding, shim_html_options())
        }
        guard let doc else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let rootElement = xmlDocGetRootElement(doc) else { return nil }
        let root = HTMLNode(name: "#document")
        var counter = 0
        convert(rootElement, into: root, counter: &counter)
        return root
    }

    private static let skipped: Set<String> = ["script", "style", "template", "noscript"]

    private static func convert(_ first: xmlNodePtr, into parent: HTMLNode, counter: inout Int) {
        var cur: xmlNodePtr? = first
        while let n = cur {
            defer { cur = n.pointee.next }
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let c = n.pointee.content else { continue }
                let t = HTMLNode(name: "", text: String(cString: c))
                append(t, to: parent, counter: &counter)
            case XML_ELEMENT_NODE:
                guard let namePtr = n.pointee.name else { continue }
                let name = String(cString: namePtr).lowercased()
                if skipped.contains(name) { continue }
                var attrs: [String: String] = [:]
                var a = n.pointee.properties
                while let attr = a {
                    if let an = attr.pointee.name {
                        let key = String(cString: an).lowercased()
                        if let v = xmlGetProp(n, an) {
                            attrs[key] = String(cString: v)
                            shim_xml_free(v)
                        } else {
                            attrs[key] = ""
                        }
                    }
                    a = attr.pointee.next
                }
                let e = HTMLNode(name: name, attributes: attrs)
                append(e, to: parent, counter: &counter)
                if let kids = n.pointee.children { convert(kids, into: e, counter: &counter) }
            default:
                continue
            }
        }
    }

    private static func append(_ node: HTMLNode, to parent: HTMLNode, counter: inout Int) {
        counter += 1
        node.order = counter
        node.depth = parent.depth + 1
        node.parent = parent
        parent.children.append(node)
    }

    /// The encoding name to hand libxml2, or nil to let it read a BOM.
    ///
    /// A prescan of the first bytes for `charset=` (as in a `<meta charset>` or a `Content-Type`
    /// declaration), in the spirit of the HTML standard's prescan; Latin-1 and ASCII labels mean
    /// Windows-1252, as browsers read them.
    static func sniffEncoding(_ head: [UInt8], whole: Data) -> String? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return nil
        }
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count < lower.count {
            if Array(lower[i..<i + key.count]) == key {
                var j = i + key.count
                while j < lower.count, lower[j] == 0x20 || lower[j] == 0x09 { j += 1 }
                if j < lower.count, lower[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < lower.count, lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27 { j += 1 }
                    var label: [UInt8] = []
                    while j < lower.count, let c = Optional(lower[j]),
                        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x2E || c == 0x3A
                    {
                        label.append(c)
                        j += 1
                    }
                    if let name = canonicalEncoding(String(decoding: label, as: UTF8.self)) { return name }
                }
            }
            i += 1
        }
        return String(validating: whole, as: UTF8.self) != nil ? "UTF-8" : "windows-1252"
    }

    static func canonicalEncoding(_ label: String) -> String? {
        switch label {
        case "": return nil
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252":
            return "windows-1252"
        default: return label
        }
    }
}
