/// Where a paged answer cuts the list (sorted by key): the items `offset..<offset+size` are sent, and when
/// `marker` is true a token naming the key of item `next - 1`, after which the next page starts. Faults adjust it through `FaultDecorator.cutting(_:)`.
struct PageCut: Sendable, Equatable {
    var offset: Int
    var size: Int
    var next: Int
    var marker: Bool
    /// The number of items the whole (filtered) list holds.
    let total: Int
}
