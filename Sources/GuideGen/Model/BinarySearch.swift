extension RandomAccessCollection {
    /// The first index where `isPast` holds, for a predicate that is false and then true along the
    /// collection (`endIndex` when it never holds): a binary search, O(log n).
    func partitionPoint(where isPast: (Element) -> Bool) -> Index {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = index(low, offsetBy: distance(from: low, to: high) / 2)
            if isPast(self[middle]) { high = middle } else { low = index(after: middle) }
        }
        return low
    }
}
