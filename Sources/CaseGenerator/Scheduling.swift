/// How a case may be scheduled beside others. A case carries it as a tag (`run:serial`), so that
/// `cases --tag run:serial` lists such cases; the default adds no tag.
public enum Scheduling: String, Sendable, CaseIterable {
    /// With any other case (the default).
    case parallel
    /// Alone, after the others: its resource names cannot be unique per run (one-character identifiers).
    case serial

    /// The tag that marks a case scheduled this way (`run:serial`).
    public var tag: String { "run:\(rawValue)" }
}

extension TestCase {
    /// How this case may be scheduled, read from its tags.
    public var scheduling: Scheduling { tags.contains(Scheduling.serial.tag) ? .serial : .parallel }
}
