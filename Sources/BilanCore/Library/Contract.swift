import Foundation

/// The JSON and CSV shapes of the command-line contract (DESIGN §3), in one place so the CLI, the SSH
/// exec mode and the golden tests agree.
public enum Contract {
    public static func week(_ w: WeekInfo) -> [(String, JSON)] {
        [
            ("id", .string(w.range.id)), ("language", .string(w.language.rawValue)), ("title", .string(w.title)),
            ("first_day", .int(w.range.first)), ("last_day", .int(w.range.last)),
            ("start_date", .string(w.range.startDate.iso)), ("end_date", .string(w.range.endDate.iso)),
            ("event_count", .int(w.eventCount)), ("source", .str(w.source)), ("sample", .bool(w.sample)),
        ]
    }

    public static func weeks(_ ws: [WeekInfo]) -> JSON { .array(ws.map { .object(week($0)) }) }

    public static func event(_ e: Event) -> [(String, JSON)] {
        [
            ("paragraph", .int(e.paragraph)), ("index", .int(e.index)), ("text", .string(e.text)),
            ("heading", .bool(e.heading)), ("places", .array(e.places.map(JSON.string))),
            ("part_of_week", .str(e.partOfWeek?.rawValue)), ("date", .str(e.date?.iso)),
        ]
    }

    public static func show(_ w: WeekInfo, events: [Event]) -> JSON {
        .object(week(w) + [("events", .array(events.map { .object(event($0)) }))])
    }

    public static func search(_ hits: [SearchHit]) -> JSON {
        .array(
            hits.map { h in
                .object(
                    [("week", .string(h.range.id)), ("language", .string(h.language.rawValue))]
                        + event(h.event).filter { $0.0 != "heading" } + [("snippet", .string(h.snippet))])
            })
    }

    public static func front(_ p: PlaceMentions) -> JSON {
        .object([
            ("name", .string(p.place.name)), ("kind", .string(p.place.kind.rawValue)),
            ("aliases", .array(p.place.aliases.map(JSON.string))), ("parent", .str(p.parentName)),
            ("country", .string(p.place.country)), ("front", .bool(p.place.front)),
            ("mentions", .int(p.mentions)), ("id", .string(p.place.id)),
            ("latitude", p.place.latitude.map(JSON.double) ?? .null),
            ("longitude", p.place.longitude.map(JSON.double) ?? .null),
        ])
    }

    static func value(_ v: TallyValue?) -> JSON {
        guard let v else { return .null }
        return .object([("value", .num(v.value)), ("qualifier", .string(v.qualifier.rawValue))])
    }

    public static func tally(_ rows: [TallyRow]) -> JSON {
        .array(
            rows.map { r in
                .object([
                    ("week", .string(r.range.id)), ("language", .string(r.language.rawValue)),
                    ("start_date", .string(r.range.startDate.iso)), ("end_date", .string(r.range.endDate.iso)),
                    ("launched", value(r.tally.launched)), ("shot_down", value(r.tally.shotDown)),
                    ("suppressed", value(r.tally.suppressed)),
                    (
                        "figures",
                        .array(
                            r.tally.figures.map { f in
                                .object([
                                    ("value", .num(f.figure.value)), ("qualifier", .string(f.figure.qualifier.rawValue)),
                                    ("role", .string(f.figure.role.rawValue)), ("weapon", .str(f.figure.weapon)),
                                    ("phrase", .string(f.figure.phrase)), ("text", .string(f.text)),
                                    ("paragraph", .int(f.paragraph)), ("index", .int(f.index)),
                                    ("part_of_week", .str(f.partOfWeek)), ("date", .str(f.date)),
                                ])
                            })
                    ),
                ])
            })
    }

    public static let tallyCSVHeader =
        "week,language,start_date,end_date,launched,launched_qualifier,shot_down,shot_down_qualifier,suppressed,suppressed_qualifier"

    /// RFC 4180: CRLF line ends, empty cells for null.
    public static func tallyCSV(_ rows: [TallyRow]) -> String {
        var out = tallyCSVHeader + "\r\n"
        for r in rows {
            var cells = [r.range.id, r.language.rawValue, r.range.startDate.iso, r.range.endDate.iso]
            for v in [r.tally.launched, r.tally.shotDown, r.tally.suppressed] {
                cells.append(v?.value.map(String.init) ?? "")
                cells.append(v?.qualifier.rawValue ?? "")
            }
            out += cells.map(csvCell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func csvCell(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
