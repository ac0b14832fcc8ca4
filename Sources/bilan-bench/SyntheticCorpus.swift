import BilanCore
import Foundation

/// A deterministic generator of weekly summaries in the series' style, French and English, about
/// 2–3 KB each, with places, times of the week, drone figures and traps (model numbers, soldiers).
struct SyntheticCorpus {
    /// SplitMix64: the same seed gives the same corpus on every machine.
    struct RNG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    }

    static let frontFR = [
        "Selydove", "Tchassiv Iar", "Pokrovsk", "Toretsk", "Kourakhove", "Vouhledar", "Avdiïvka", "Bakhmout",
        "Koupiansk", "Vovtchansk", "Robotyne", "Krynky", "Siversk", "Lyman", "Myrnohrad", "Velyka Novosilka",
    ]
    static let frontEN = [
        "Selydove", "Chasiv Yar", "Pokrovsk", "Toretsk", "Kurakhove", "Vuhledar", "Avdiivka", "Bakhmut", "Kupiansk",
        "Vovchansk", "Robotyne", "Krynky", "Siversk", "Lyman", "Myrnohrad", "Velyka Novosilka",
    ]
    static let citiesFR = ["Kyiv", "Kharkiv", "Odessa", "Zaporijjia", "Dnipro", "Soumy", "Kherson", "Lviv", "Mykolaïv"]
    static let citiesEN = ["Kyiv", "Kharkiv", "Odesa", "Zaporizhzhia", "Dnipro", "Sumy", "Kherson", "Lviv", "Mykolaiv"]
    static let regionsFR = ["région de Koursk", "région de Donetsk", "région de Kharkiv", "région de Belgorod", "région de Zaporijjia"]
    static let regionsEN = ["Kursk region", "Donetsk Oblast", "Kharkiv region", "Belgorod region", "Zaporizhzhia Oblast"]
    static let timesFR = ["En début de semaine, ", "À mi-semaine, ", "En fin de semaine, ", "Mardi, ", "Jeudi, ", "", "", ""]
    static let timesEN = ["Early in the week, ", "Midweek, ", "Late in the week, ", "On Tuesday, ", "On Thursday, ", "", "", ""]
    static let rareFR = ["raffinerie", "barrage", "centrale", "hôpital", "gazoduc", "cathédrale", "aérodrome", "pont"]
    static let rareEN = ["refinery", "dam", "power plant", "hospital", "pipeline", "cathedral", "airfield", "bridge"]

    static func frenchWeek(first: Int, last: Int, rng: inout RNG) -> String {
        var s = "Bilan de la semaine. Jours \(first)-\(last) de résistance\n\n"
        let paragraphs = 6 + rng.int(4)
        for p in 0..<paragraphs {
            if p == 3 && rng.chance(0.5) { s += "Situation sur le front\n\n" }
            var sentences: [String] = []
            for _ in 0..<(2 + rng.int(3)) {
                let t = rng.pick(timesFR)
                let front = rng.pick(frontFR)
                switch rng.int(9) {
                case 0: sentences.append("\(t)les affrontements les plus intenses se déroulent près de \(front), selon l’état-major.")
                case 1:
                    sentences.append(
                        "\(t)la Russie a attaqué l’Ukraine avec \(20 + rng.int(180)) drones Shahed-136 et \(2 + rng.int(40)) missiles, dont \(rng.int(9)) missiles Kh-101.")
                case 2:
                    sentences.append(
                        "\(t)les Forces aériennes ont abattu \(10 + rng.int(150)) drones au-dessus de \(rng.pick(citiesFR)) et des régions voisines.")
                case 3: sentences.append("\(t)environ \(1 + rng.int(9)) \(rng.int(2) == 0 ? "000" : "500") soldats russes ont été redéployés dans la \(rng.pick(regionsFR)).")
                case 4: sentences.append("\(t)une frappe a endommagé une \(rng.pick(rareFR)) à \(rng.pick(citiesFR)), faisant \(rng.int(12)) blessés.")
                case 5: sentences.append("M. Zelensky a rencontré ses partenaires européens pour discuter de l’aide militaire et des sanctions.")
                case 6:
                    sentences.append(
                        "\(t)plus d’une centaine de drones ont visé \(rng.pick(citiesFR)), dont une vingtaine perdus localement à cause de la guerre électronique.")
                case 7: sentences.append("Les Forces de défense ukrainiennes ont repoussé \(3 + rng.int(40)) assauts dans la direction de \(front).")
                default: sentences.append("La situation reste difficile autour de \(front) et de \(rng.pick(frontFR)), où les combats se poursuivent.")
                }
            }
            s += sentences.joined(separator: " ") + "\n\n"
        }
        return s
    }

    static func englishWeek(first: Int, last: Int, rng: inout RNG) -> String {
        func comma(_ n: Int) -> String { n >= 1000 ? "\(n / 1000),\(String(format: "%03d", n % 1000))" : "\(n)" }
        var s = "Weekly roundup. Ukraine resists Russia’s invasion. Days \(comma(first))-\(comma(last))\n\n"
        let paragraphs = 6 + rng.int(4)
        for p in 0..<paragraphs {
            if p == 3 && rng.chance(0.5) { s += "Situation at the front\n\n" }
            var sentences: [String] = []
            for _ in 0..<(2 + rng.int(3)) {
                let t = rng.pick(timesEN)
                let front = rng.pick(frontEN)
                let lead = t.isEmpty ? "" : t
                switch rng.int(9) {
                case 0: sentences.append("\(lead)the fiercest fighting took place near \(front), according to the General Staff.")
                case 1:
                    sentences.append(
                        "\(lead)Russia launched \(comma(20 + rng.int(1800))) Shahed-136 drones and \(2 + rng.int(40)) missiles, including \(rng.int(9)) Kh-101 missiles.")
                case 2: sentences.append("\(lead)the Air Force shot down \(10 + rng.int(150)) drones over \(rng.pick(citiesEN)) and nearby regions.")
                case 3: sentences.append("\(lead)about \(comma((1 + rng.int(9)) * 1000)) Russian soldiers were moved to the \(rng.pick(regionsEN)).")
                case 4: sentences.append("\(lead)a strike damaged a \(rng.pick(rareEN)) in \(rng.pick(citiesEN)), injuring \(rng.int(12)) people.")
                case 5: sentences.append("Mr. Zelensky met European partners in the U.S. to discuss military aid and sanctions.")
                case 6: sentences.append("\(lead)more than a hundred drones targeted \(rng.pick(citiesEN)); about twenty were locally lost to electronic warfare.")
                case 7: sentences.append("Ukrainian defenders repelled \(3 + rng.int(40)) assaults in the \(front) direction.")
                default: sentences.append("The situation remains difficult around \(front) and \(rng.pick(frontEN)), where fighting continues.")
                }
            }
            s += sentences.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ") + "\n\n"
        }
        return s
    }

    /// Writes `count` summaries (alternately French and English, one range per pair) into `dir`;
    /// returns the total bytes written. Ranges are the series' weeks (days 5-9, 12-16, …) up to the
    /// parser's last day (99,999, in the year 2295); past 14,285 pairs they start again, one day
    /// shorter each time (5-8, 12-15, …), so that 100,000 summaries are 100,000 distinct weeks.
    static func write(count: Int, to dir: String, seed: UInt64 = 2022) throws -> Int {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var rng = RNG(state: seed)
        var bytes = 0
        for i in 0..<count {
            let pair = i / 2
            let weeksBelowLimit = 14_285
            let first = 5 + 7 * (pair % weeksBelowLimit)
            let last = first + 4 - pair / weeksBelowLimit
            precondition(last >= first, "more summaries than distinct ranges")
            let text = i % 2 == 0 ? frenchWeek(first: first, last: last, rng: &rng) : englishWeek(first: first, last: last, rng: &rng)
            let name = String(format: "%06d-%@.txt", pair, i % 2 == 0 ? "fr" : "en")
            let data = Data(text.utf8)
            bytes += data.count
            try data.write(to: URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        return bytes
    }
}
