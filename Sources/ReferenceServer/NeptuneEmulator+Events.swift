import ConformanceSpec
import Foundation
import QueryProtocol

/// Event notification subscriptions, the region's event log and the event categories (NEPTUNE-FACTS-2 §2.11, §3.9).
/// Events are recorded in one place, `recordEvents(of:_:)`, after any successful operation the catalogue names.
extension NeptuneEmulator {
    // MARK: events

    /// Records the event a successful operation causes, if the catalogue names one: the one place events come from.
    func recordEvents(of operation: OperationSpec, _ request: Request) {
        guard let emission = spec.events.emissions[operation.name], let named = text(emission.parameter, request)
        else { return }
        let identifier: String
        switch emission.sourceType {
        case "db-cluster": identifier = cluster(named: named)?.id ?? key(named)
        case "db-instance": identifier = storedKey(.dbInstance, named)
        case "db-cluster-snapshot": identifier = storedKey(.dbClusterSnapshot, named)
        default: identifier = named.lowercased()
        }
        var message = emission.message
        if operation.name == "FailoverDBCluster", let writer = cluster(named: named)?.instances.first {
            message += ": \(writer)"
        }
        var date = Date()
        if let last = events.log.last?.date, date <= last { date = last.addingTimeInterval(0.001) }
        var event = EventRecord(
            date: date, sourceIdentifier: identifier, sourceType: emission.sourceType, message: message,
            categories: emission.categories,
            sourceArn: "arn:aws:rds:\(region):\(configuration.accountId):\(emission.arnType):\(identifier)")
        for decorator in decorators { decorator.recording(event: &event) }
        if !event.message.isEmpty { events.append(event) }
        // The log covers the past 14 days.
        let horizon = date.addingTimeInterval(-spec.events.horizon)
        if let first = events.log.first, first.date < horizon { events.removeAll { $0.date < horizon } }
        // And at most the latest `eventLogLimit` events, trimmed a quarter at a time: a long run (10,000 cases) made
        // some 30,000 events, which grew the server's memory without limit and every DescribeEvents walk with it.
        if events.log.count > Self.eventLogLimit + Self.eventLogLimit / 4 {
            events.removeFirst(events.log.count - Self.eventLogLimit)
        }
    }

    /// The most events one region's log keeps (an emulator's limit; the service keeps 14 days, whatever their count).
    /// A case asks for events of resources it made moments before, far fewer than this many events ago.
    static let eventLogLimit = 2_000

    func describeEvents(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let now = Date()
        let start: Date
        let end = text("EndTime", request).flatMap(ISOTimestamp.parse) ?? now
        if let given = text("StartTime", request).flatMap(ISOTimestamp.parse) {
            start = given
        } else {
            let minutes = text("Duration", request).flatMap(Int.init) ?? spec.events.defaultDurationMinutes
            start = end.addingTimeInterval(-Double(minutes) * 60)
        }
        let earliest = now.addingTimeInterval(-spec.events.horizon)
        let type = text("SourceType", request)
        let source = text("SourceIdentifier", request)?.lowercased()
        let categories = Set(Self.strings(request.value(at: "EventCategories")).map { $0.lowercased() })
        let selected = events.log.filter { event in
            event.date >= max(start, earliest) && event.date <= end
                && (type == nil || event.sourceType == type)
                && (source == nil || event.sourceIdentifier == source)
                && (categories.isEmpty || !categories.isDisjoint(with: event.categories))
        }
        // The log is kept oldest first, which is its key order unless a date repeated.
        let sorted =
            events.inKeyOrder
            ? selected : selected.map { ($0.sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        let cut: Page<EventRecord> = page(
            count: sorted.count, of: operation, request,
            firstAfter: { last in sorted.partitionPoint(where: { $0.sortKey > last }) }, key: { sorted[$0].sortKey },
            items: { Array(sorted[$0]) })
        return pagedAnswer(cut, of: operation, item: eventXML)
    }

    func eventXML(_ event: EventRecord) -> String {
        let escape = AnswerRenderer.escape
        let categories = event.categories.map { "<EventCategory>\(escape($0))</EventCategory>" }.joined()
        return "<Event><SourceIdentifier>\(escape(event.sourceIdentifier))</SourceIdentifier>"
            + "<SourceType>\(escape(event.sourceType))</SourceType><Message>\(escape(event.message))</Message>"
            + "<EventCategories>\(categories)</EventCategories><Date>\(ISOTimestamp.format(event.date))</Date>"
            + "<SourceArn>\(escape(event.sourceArn))</SourceArn></Event>"
    }

    func describeEventCategories(_ operation: OperationSpec, _ request: Request) -> EmulatorAnswer {
        let type = text("SourceType", request)
        let maps = Self.eventCategories(in: spec).filter { type == nil || $0.sourceType == type }.map { entry in
            "<EventCategoriesMap><SourceType>\(entry.sourceType)</SourceType><EventCategories>"
                + entry.categories.map { "<EventCategory>\($0)</EventCategory>" }.joined()
                + "</EventCategories></EventCategoriesMap>"
        }.joined()
        return renderer.success(
            action: operation.name,
            result: maps.isEmpty
                ? "<EventCategoriesMapList/>" : "<EventCategoriesMapList>\(maps)</EventCategoriesMapList>")
    }

    // MARK: subscriptions (the resource engine keeps them; `KindBehaviour.eventSubscriptions` completes them)

    /// Whether a source of `type` has the identifier (a subscription of every type: any of the kinds).
    func sourceExists(_ identifier: String, type: String?) -> Bool {
        let state = contractState()
        let kinds: [String: ResourceKind] = [
            "db-cluster": .dbCluster, "db-instance": .dbInstance, "db-cluster-snapshot": .dbClusterSnapshot,
            "db-parameter-group": .dbParameterGroup,
        ]
        guard let type else { return kinds.values.contains { state.exists($0, identifier) } }
        return kinds[type].map { state.exists($0, identifier) } ?? false
    }
}

extension NeptuneEmulator {
    /// Source type → categories, from the `vocabularyOf` rule of the operation that creates event subscriptions
    /// (`resources.yaml`) in `Specs/` (the one list), in source type order.
    static func eventCategories(in spec: ServiceSpec) -> [(sourceType: String, categories: [String])] {
        let create = spec.resources.lifecycle(of: .eventSubscription)?.creates.first?.operation
        for rule in create.flatMap({ spec.operation(named: $0) })?.rules ?? [] {
            if case .vocabularyOf(_, _, let values) = rule.kind {
                return values.keys.sorted().map { ($0, values[$0]!) }
            }
        }
        return []
    }

    /// [model] SubscriptionCreationTime is a string (quirk 4); the form is the AWS CLI's RDS example's,
    /// `Tue Jul 31 23:22:01 UTC 2018` (other AWS examples show other forms: a golden holds only that it is text).
    static func creationTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.weekday, .month, .day, .hour, .minute, .second, .year], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]) \(months[(parts.month ?? 1) - 1]) \(two(parts.day)) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC \(parts.year ?? 1970)"
    }
}
