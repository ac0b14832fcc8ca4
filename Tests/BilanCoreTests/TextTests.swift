import BilanCore
import Foundation
import Testing

@Suite struct TextHygieneTests {
    @Test func removesControlsAndEscapeSequences() {
        let s = "A\u{1B}[31mred\u{1B}[0m B\u{7}C\u{1B}]52;c;ZXZpbA==\u{7}D\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ E\u{9B}2JF\u{85}G"
        #expect(TextHygiene.clean(s) == "Ared BCDlink EFG")
    }

    @Test func removesBidiAndZeroWidthButKeepsNBSP() {
        let s = "Kyiv\u{202E}vik\u{202C} 3\u{202F}000 a\u{00A0}b\u{200B}c\u{2066}d\u{2069}"
        #expect(TextHygiene.clean(s) == "Kyivvik 3\u{202F}000 a\u{00A0}bcd")
    }

    @Test func keepsNewlinesTabsAndEmojiJoiners() {
        #expect(TextHygiene.clean("a\tb\r\nc\rd") == "a\tb\nc\nd")
        let family = "👩\u{200D}👧"
        #expect(TextHygiene.clean(family) == family)
    }

    /// Text copied from a web page may break lines with U+2028: a line end, not a character to show.
    @Test func lineAndParagraphSeparatorsEndLines() throws {
        #expect(TextHygiene.clean("a\u{2028}b\u{2029}c") == "a\nb\nc")
        let week = try SummaryParser().parse(
            "Weekly roundup. Days 978-982 of resistance\n\nRussia launched 120 drones at Kharkiv.\u{2028}Ukraine shot down 90 of them.")
        #expect(week.events.map(\.text) == ["Russia launched 120 drones at Kharkiv.", "Ukraine shot down 90 of them."])
        #expect(week.events.map(\.paragraph) == [0, 1])
    }

    @Test func composesToNFC() {
        #expect(TextHygiene.clean("re\u{301}sistance") == "résistance")
    }

    @Test func foldsCaseAccentsAndQuotes() {
        #expect(Folding.fold("Avdiïvka") == "avdiivka")
        #expect(Folding.fold("d’Entraînement") == "d'entrainement")
        #expect(Folding.fold("ŒUVRE") == "oeuvre")
        #expect(Folding.fold("Селидове") == "селидове")
        #expect(Folding.fold("3\u{202F}000") == "3 000")
    }
}

@Suite struct TextDecodingTests {
    @Test func utf8WithBOM() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("Bilan é".utf8))
        #expect(try TextDecoding.decode(data) == "Bilan é")
    }

    @Test func windows1252() throws {
        // "Résumé d’été" in Windows-1252: é = E9, ’ = 92.
        let data = Data([0x52, 0xE9, 0x73, 0x75, 0x6D, 0xE9, 0x20, 0x64, 0x92, 0xE9, 0x74, 0xE9] + Array(" de la semaine".utf8))
        #expect(try TextDecoding.decode(data) == "Résumé d’été de la semaine")
    }

    /// Every byte Windows-1252 defines decodes, the guillemets › and ‹ (9B, 8B) and „ … † included.
    @Test func everyDefinedWindows1252Byte() throws {
        for b in UInt8(0x80)...0xFF where ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(b) {
            let data = Data(Array("La Russie a lanc".utf8) + [0xE9] + Array(" des drones sur l".utf8) + [b] + Array("Ukraine.".utf8))
            let text = try TextDecoding.decode(data)
            #expect(text.hasPrefix("La Russie a lancé des drones sur l") && text.hasSuffix("Ukraine."), "byte \(b)")
        }
        #expect(try TextDecoding.decode(Data([0x6C, 0x9B, 0x55, 0x6B, 0x72, 0x61, 0x69, 0x6E, 0x65])) == "l›Ukraine")
    }

    @Test func rejectsEmptyBinaryAndGarbage() {
        #expect(throws: ParseError.self) { try TextDecoding.decode(Data()) }
        #expect(throws: ParseError.self) { try TextDecoding.decode(Data([0x42, 0x00, 0x01, 0x02])) }
        #expect(throws: ParseError.self) { try TextDecoding.decode(Data([0x41, 0x0A, 0x42, 0x0A, 0x81, 0x8D, 0xFF, 0xFE])) }
    }

    @Test func errorsNameTheLine() {
        do {
            _ = try TextDecoding.decode(Data(Array("Line one\nline two\n".utf8) + [0xC3, 0x28, 0x81, 0x8D]), source: "x.txt")
            Issue.record("expected an error")
        } catch let e as ParseError {
            #expect(e.line == 3)
            #expect(e.description.hasPrefix("x.txt:3: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func utf16WithItsByteOrderMark() throws {
        let title = "Bilan de la semaine. Jours 971-975 de résistance\n\nÀ Селидове, « 3\u{202F}000 » drones 🛩."
        var le = Data([0xFF, 0xFE])
        var be = Data([0xFE, 0xFF])
        for unit in title.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(try TextDecoding.decode(le) == title)
        #expect(try TextDecoding.decode(be) == title)
    }

    /// Bytes after FF FE always pair up into characters: a binary file is refused as not text
    /// rather than quoted back as a title of Chinese characters.
    @Test func binaryAfterAUTF16ByteOrderMark() {
        let cases: [[UInt8]] = [
            // What binary bytes become: CJK ideographs, Hangul syllables, private use, a few ASCII.
            [0xFF, 0xFE] + [0x4E2D, 0xAC00, 0x0041, 0xE123, 0x7F3A, 0xB8C4, 0x0020, 0x9A11].flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
            [0xFF, 0xFE, 0x41, 0x00, 0x01, 0x00, 0x42, 0x00],  // "A", U+0001, "B"
            [0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87, 0x00, 0x41],  // 中文A
        ]
        for bytes in cases {
            do {
                _ = try TextDecoding.decode(Data(bytes), source: "x.txt")
                Issue.record("expected an error for \(bytes.prefix(8))")
            } catch let e as ParseError {
                #expect(e.description == "x.txt:1: the file starts like UTF-16 text but what follows is not text (a binary file?)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test func rejectsOversizeFiles() {
        let big = Data(repeating: 0x41, count: TextDecoding.maximumSize + 600 * 1024)
        #expect(throws: ParseError.self) { try TextDecoding.decode(big) }
        #expect(TextDecoding.tooLarge(big.count, source: "big.txt").description == "big.txt: the file is 5.6 MB, over the 5 MB limit for a summary")
    }
}

@Suite struct SentenceSplitterTests {
    @Test(arguments: [
        ("M. Zelensky a rencontré M. Biden. Ils ont parlé.", ["M. Zelensky a rencontré M. Biden.", "Ils ont parlé."]),
        ("The U.S. sent aid. Mr. Austin visited Kyiv.", ["The U.S. sent aid.", "Mr. Austin visited Kyiv."]),
        ("Environ 3 000 soldats. Puis 2,4 millions d’euros.", ["Environ 3 000 soldats.", "Puis 2,4 millions d’euros."]),
        ("Russia launched 1,642 drones. Ukraine shot down 1.2 thousand.", ["Russia launched 1,642 drones.", "Ukraine shot down 1.2 thousand."]),
        ("Il a dit : « Nous tiendrons. » Puis il est parti.", ["Il a dit : « Nous tiendrons. »", "Puis il est parti."]),
        ("He said “We will hold.” Then he left.", ["He said “We will hold.”", "Then he left."]),
        ("Où est-il ? Personne ne sait ! Voilà…", ["Où est-il ?", "Personne ne sait !", "Voilà…"]),
        ("V. Zelensky et J.-C. Juncker. Fin.", ["V. Zelensky et J.-C. Juncker.", "Fin."]),
        ("Selon le HUR, 12 000 soldats. 500 officiers sont là.", ["Selon le HUR, 12 000 soldats.", "500 officiers sont là."]),
        ("no split.lowercase after dot", ["no split.lowercase after dot"]),
    ])
    func splits(text: String, expected: [String]) {
        #expect(SentenceSplitter.split(text) == expected)
    }
}

@Suite struct ParagraphTests {
    func lines(_ s: String) -> [(number: Int, text: String)] {
        s.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, String($0.element)) }
    }

    @Test func blankLinesSeparate() {
        let p = Paragraphs.split(lines: lines("Un. Deux.\n\nTrois.\n\n\nQuatre."))
        #expect(p.map(\.text) == ["Un. Deux.", "Trois.", "Quatre."])
        #expect(p.map(\.line) == [1, 3, 6])
    }

    @Test func wrappedLinesJoinSentenceEndsBreak() {
        let p = Paragraphs.split(lines: lines("Une phrase qui\ncontinue ici.\nUne autre.\n\nFin."))
        #expect(p.map(\.text) == ["Une phrase qui continue ici.", "Une autre.", "Fin."])
    }

    @Test func noBlankLinesMeansEveryLineIsAParagraph() {
        let p = Paragraphs.split(lines: lines("Un\nDeux.\nTrois."))
        #expect(p.map(\.text) == ["Un", "Deux.", "Trois."])
    }

    @Test func shortLinesWithoutFullStopAreHeadings() {
        let p = Paragraphs.split(lines: lines("Situation au front\n\nLes combats continuent.\n\nDrones et missiles :\n\nFin."))
        #expect(p.map(\.heading) == [true, false, false, false])
    }

    @Test func strayDoubleSpacesCollapse() {
        let p = Paragraphs.split(lines: lines("Un  deux\t trois."))
        #expect(p[0].text == "Un deux trois.")
    }
}
