/// A sorted multiset kept in blocks of a few hundred elements: insert, remove and finding a position cost
/// O(log n) comparisons plus a move inside one block, so a store of 100,000 resources keeps its describe order
/// without sorting it per request. Positions count from the smallest element, as in the sorted array.
struct SortedIndex<Element: Comparable & Sendable>: Sendable {
    private var blocks: [[Element]] = []
    /// The number of elements.
    private(set) var count = 0

    /// A block is split in two when it grows past this.
    static var blockLimit: Int { 512 }

    var isEmpty: Bool { count == 0 }

    /// Adds `element` after any equal ones.
    mutating func insert(_ element: Element) {
        guard !blocks.isEmpty else {
            blocks = [[element]]
            count = 1
            return
        }
        let block = blockHolding(element)
        let position = blocks[block].partitionPoint { $0 > element }
        blocks[block].insert(element, at: position)
        count += 1
        if blocks[block].count > Self.blockLimit {
            let half = blocks[block].count / 2
            let upper = Array(blocks[block][half...])
            blocks[block].removeSubrange(half...)
            blocks.insert(upper, at: block + 1)
        }
    }

    /// Removes one element equal to `element`; false when there is none.
    @discardableResult
    mutating func remove(_ element: Element) -> Bool {
        guard !blocks.isEmpty else { return false }
        let block = blockHolding(element)
        let position = blocks[block].partitionPoint { $0 >= element }
        guard position < blocks[block].count, blocks[block][position] == element else { return false }
        blocks[block].remove(at: position)
        count -= 1
        if blocks[block].isEmpty { blocks.remove(at: block) }
        return true
    }

    /// The position of the first element for which `isAfter` holds, given that it holds for every element after
    /// that one too (`count` when it holds for none): a binary search.
    func partitionPoint(where isAfter: (Element) -> Bool) -> Int {
        let block = blocks.partitionPoint { isAfter($0[$0.count - 1]) }
        let before = blocks[..<block].reduce(0) { $0 + $1.count }
        guard block < blocks.count else { return before }
        return before + blocks[block].partitionPoint(where: isAfter)
    }

    /// The element at `position` (0 ..< count).
    func element(at position: Int) -> Element {
        var rest = position
        for block in blocks {
            if rest < block.count { return block[rest] }
            rest -= block.count
        }
        preconditionFailure("position \(position) outside 0..<\(count)")
    }

    /// The elements at `range`, in order (clamped to 0 ..< count).
    func elements(in range: Range<Int>) -> [Element] {
        let range = range.clamped(to: 0..<count)
        var result: [Element] = []
        result.reserveCapacity(range.count)
        var start = 0
        for block in blocks {
            let end = start + block.count
            if end > range.lowerBound && start < range.upperBound {
                let low = max(range.lowerBound, start) - start
                let high = min(range.upperBound, end) - start
                result += block[low..<high]
            }
            if end >= range.upperBound { break }
            start = end
        }
        return result
    }

    /// The block an element belongs in: the first whose last element is not smaller, else the last.
    private func blockHolding(_ element: Element) -> Int {
        min(blocks.partitionPoint { $0[$0.count - 1] >= element }, blocks.count - 1)
    }

}

extension RandomAccessCollection where Index == Int {
    /// The offset of the first element for which `isAfter` holds, given that it holds for every element after that
    /// one too (`count` when it holds for none): a binary search.
    func partitionPoint(where isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low - startIndex
    }
}
