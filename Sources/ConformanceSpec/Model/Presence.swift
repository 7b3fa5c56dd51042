/// Whether an answer member is always there: `always` (every answer of its shape carries it) or `whenSet`
/// (present exactly when the request or the resource has it). A member with no presence is optional.
public enum Presence: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case always
    case whenSet

    public var description: String { rawValue }
}
