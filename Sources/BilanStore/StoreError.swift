import BilanCore
import Foundation

/// What can go wrong with the database, as one sentence a reader can act on.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notADatabase(path: String)
    case cannotOpen(path: String, reason: String)
    case busy(path: String)
    case readOnly(path: String)
    /// The database is writable, but its log (`-wal` or `-shm`) belongs to another user.
    case foreignLog(path: String, file: String, owner: String?)
    case weekNotFound(WeekRef, Language?)
    case unknownPlace(String, suggestions: [String])
    case onlyExclusions
    case damaged(path: String, reason: String)

    /// The countries a reader may try as a front, in the spellings of the series.
    static let countries: [String: String] = [
        "ukraine": "Ukraine", "ukraina": "Ukraine", "україна": "Ukraine", "russia": "Russia", "russie": "Russia",
        "россия": "Russia", "росія": "Russia", "belarus": "Belarus", "bielorussie": "Belarus",
    ]

    public var description: String {
        switch self {
        case .notADatabase(let p):
            return "\(p) is not a bilan database (the file is not SQLite, or it is damaged); move it away or choose another with --db"
        case .cannotOpen(let p, let r):
            return "cannot open the database \(p): \(r)"
        case .busy(let p):
            return "the database \(p) is busy (another bilan is writing to it); try again in a moment"
        case .readOnly(let p):
            return "the database \(p) is read-only here; choose a writable one with --db or BILAN_DB"
        case .foreignLog(let p, let file, let owner):
            return "cannot write to the database \(p): its log \(file) belongs to \(owner.map { "user \($0)" } ?? "another user"), who read the archive when it had no log; remove \(p)-wal and \(p)-shm while no bilan uses the archive"
        case .weekNotFound(let ref, let lang):
            let l = lang.map { " in \($0 == .fr ? "French" : "English")" } ?? ""
            return "no summary for \(ref)\(l) in the database; `bilan weeks` lists what is there"
        case .unknownPlace(let name, let s):
            if name.trimmingCharacters(in: .whitespaces).isEmpty { return "--front needs a place's name" }
            if let country = StoreError.countries[Folding.fold(name)] {
                let english = country == name.trimmingCharacters(in: .whitespaces) ? "" : " (\(country))"
                return "“\(name)” is a country\(english), and countries are not places here: name a region, a city or a front"
            }
            let hint = s.isEmpty ? "" : "; did you mean \(s.map { "“\($0)”" }.joined(separator: ", "))?"
            return "no place called “\(name)” in the gazetteer\(hint)"
        case .onlyExclusions:
            return "the query only excludes words (-word); give at least one word to look for"
        case .damaged(let p, let r):
            return "the database \(p) is damaged (\(r)); move it away and import the summaries again"
        }
    }
}
