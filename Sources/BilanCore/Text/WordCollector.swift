import Foundation

/// The distinct words of many texts, read as bytes: a word makes a String only the first time it
/// is seen. The import lists a batch's words this way, a few thousand distinct words out of a
/// million read; a `Set<String>` made and hashed a String for each of them.
public struct WordCollector {
    /// The bytes of every word collected, one after the other.
    private var bytes: [UInt8] = []
    /// Where each word's bytes start in `bytes`; the word `k` ends where `k + 1` starts.
    private var starts: [Int32] = [0]
    /// Open addressing: word number + 1, 0 for an empty slot.
    private var slots: [Int32]
    private var hashes: [UInt32] = []
    private var scratch: [UInt8] = []

    public init() {
        slots = Array(repeating: 0, count: 1024)
    }

    /// How many distinct words were collected.
    public var count: Int { hashes.count }

    /// Adds a word; calls `new` with it when it was not collected before.
    public mutating func insert(_ word: UnsafeBufferPointer<UInt8>, new: (String) -> Void) {
        let h = WordCollector.hash(word)
        let mask = slots.count - 1
        var i = Int(h) & mask
        while slots[i] != 0 {
            let k = Int(slots[i] - 1)
            if hashes[k] == h, equals(k, word) { return }
            i = (i + 1) & mask
        }
        slots[i] = Int32(hashes.count + 1)
        hashes.append(h)
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        new(String(decoding: word, as: UTF8.self))
        if hashes.count * 2 > slots.count { grow() }
    }

    /// Adds `prefix` followed by `IndexFolding.unsure`, the word list's entry for a word whose rest
    /// it is not sure of.
    public mutating func insertUnsure(_ prefix: UnsafeBufferPointer<UInt8>, new: (String) -> Void) {
        var s = scratch
        scratch = []
        s.removeAll(keepingCapacity: true)
        s.append(contentsOf: prefix)
        s.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD
        s.withUnsafeBufferPointer { insert($0, new: new) }
        scratch = s
    }

    private func equals(_ k: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = Int(starts[k])
        guard Int(starts[k + 1]) - from == word.count else { return false }
        guard let base = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, base, word.count) == 0 }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (k, h) in hashes.enumerated() {
            var i = Int(h) & mask
            while bigger[i] != 0 { i = (i + 1) & mask }
            bigger[i] = Int32(k + 1)
        }
        slots = bigger
    }

    /// Eight bytes at a time, then mixed so that the low bits depend on every byte.
    @inline(__always) static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let raw = UnsafeRawBufferPointer(word)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var i = 0
        while i + 8 <= raw.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < raw.count {
            tail |= UInt64(raw[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 32
        return UInt32(truncatingIfNeeded: h)
    }
}
