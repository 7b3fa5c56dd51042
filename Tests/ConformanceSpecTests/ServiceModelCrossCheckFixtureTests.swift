import ConformanceSpec
import Foundation
import Testing

/// `ServiceModelCrossCheck` on the hand-written model of `ServiceModelFixture`: the agreeing spec passes with its
/// counts, and each kind of difference is found and located.
@Suite struct ServiceModelCrossCheckFixtureTests {
    @Test func theAgreeingSpecHasNoProblems() throws {
        let report = ServiceModelCrossCheck(model: try ServiceModelFixture.model(), spec: ServiceModelFixture.spec())
            .run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.operationsChecked == 1)
        // 5 parameters, Thing, Thing.ThingIdentifier, Thing.Port
        #expect(report.membersCompared == 8)
        // identifier, range + default 1, oneOf neptune, enum of ApplyMethod
        #expect(report.constraintsCompared == 5)
        #expect(report.departures.isEmpty)
    }

    /// One spoiled spec per kind of difference, and the problem it must draw.
    enum Spoil: String, CaseIterable, CustomTestStringConvertible {
        case wireType, requiredFlag, listElementName, resultWrapper, missingMember, extraMember, nestedType
        case errorStatus, errorFaultSide, errorShapeName, errorMissingFromErrorsYAML, errorNotTheOperations
        case errorNotInTheModel, operationNotInTheModel
        case identifierLength, rangeBound, allowedValues, enumValues, missingConstraint, documentedDefault

        var testDescription: String { rawValue }

        func apply(to spec: ServiceSpec) -> ServiceSpec {
            var spec = spec
            func parameter(_ name: String, _ change: @escaping (inout MemberSpec) -> Void) {
                spec = spec.changingOperation { $0.parameters = $0.parameters.changingMember(name, change) }
            }
            switch self {
            case .wireType: parameter("RetentionPeriod") { $0.type = .string }
            case .requiredFlag: parameter("Engine") { $0.required = true }
            case .listElementName:
                parameter("Zones") { $0.type = .list(ListSpec(member: .string, memberName: "member", unordered: true)) }
            case .resultWrapper: spec = spec.changingOperation { $0.resultWrapper = "CreateThingResponseResult" }
            case .missingMember:
                spec = spec.changingOperation { $0.parameters.members.removeAll { $0.name == "Zones" } }
            case .extraMember:
                spec = spec.changingOperation { $0.parameters.members.append(MemberSpec(name: "Color", type: .string)) }
            case .nestedType:
                spec = spec.changingOperation { operation in
                    operation.output = operation.output.changingMember("Thing") { member in
                        guard case .structure(let thing) = member.type else { return }
                        member.type = .structure(thing.changingMember("Port") { $0.type = .double })
                    }
                }
            case .errorStatus: spec.errors["ThingNotFound"]?.httpStatus = 400
            case .errorFaultSide: spec.errors["ThingQuotaExceededFault"]?.type = .receiver
            case .errorShapeName: spec.errors["ThingNotFound"]?.shape = nil
            case .errorMissingFromErrorsYAML: spec.errors["ThingQuotaExceededFault"] = nil
            case .errorNotTheOperations:
                spec = spec.changingOperation { $0.errors.removeAll { $0 == "ThingNotFound" } }
            case .errorNotInTheModel:
                spec.errors["ThingBusy"] = ErrorSpec(code: "ThingBusy", httpStatus: 400, type: .sender)
                spec = spec.changingOperation { $0.errors.append("ThingBusy") }
            case .operationNotInTheModel:
                var other = spec.operations[0]
                other.name = "DeleteThing"
                spec.operations.append(other)
            case .identifierLength:
                parameter("ThingIdentifier") {
                    $0.constraints = [Constraint(kind: .identifier(minLength: 1, maxLength: 255), error: "X")]
                }
            case .rangeBound:
                parameter("RetentionPeriod") {
                    $0.constraints = [Constraint(kind: .range(min: 0, max: 35), error: "X")]
                }
            case .allowedValues:
                parameter("Engine") { $0.constraints = [Constraint(kind: .oneOf(["neptune", "aurora"]), error: "X")] }
            case .enumValues:
                parameter("ApplyMethod") { $0.constraints = [Constraint(kind: .oneOf(["immediate"]), error: "X")] }
            case .missingConstraint: parameter("Engine") { $0.constraints = [] }
            case .documentedDefault: parameter("RetentionPeriod") { $0.defaultValue = "7" }
            }
            return spec
        }

        /// The located problem the spoil must draw (a prefix of its description, or the whole of it).
        var expected: String {
            switch self {
            case .wireType: "CreateThing request.RetentionPeriod: type string in the spec, integer in the service model"
            case .requiredFlag: "CreateThing request.Engine: the spec marks it required; the service model does not"
            case .listElementName:
                "CreateThing request.Zones: list element <member> in the spec, <Zone> in the service model"
            case .resultWrapper:
                "CreateThing: result wrapper 'CreateThingResponseResult' in the spec, 'CreateThingResult' in the service model"
            case .missingMember: "CreateThing request.Zones: in the service model (list) but missing from the spec"
            case .extraMember:
                "CreateThing request.Color: in the spec (string) but not in the service model; if deliberate, say why in 'departsFromSources:'"
            case .nestedType: "CreateThing response.Thing.Port: type double in the spec, integer in the service model"
            case .errorStatus:
                "CreateThing errors.ThingNotFound: HTTP status 400 in errors.yaml, 404 in the service model"
            case .errorFaultSide:
                "CreateThing errors.ThingQuotaExceededFault: Receiver in errors.yaml, Sender in the service model"
            case .errorShapeName:
                "CreateThing errors.ThingNotFound: shape ThingNotFound in errors.yaml, ThingNotFoundFault in the service model"
            case .errorMissingFromErrorsYAML:
                "CreateThing errors.ThingQuotaExceededFault: the service model lists it (shape ThingQuotaExceededFault); errors.yaml does not have it"
            case .errorNotTheOperations:
                "CreateThing errors.ThingNotFound: the service model lists it for this operation; the spec's errors do not"
            case .errorNotInTheModel:
                "CreateThing errors.ThingBusy: in the spec's errors but not the service model's for this operation"
            case .operationNotInTheModel: "DeleteThing: in the spec but not in the service model"
            case .identifierLength:
                "CreateThing request.ThingIdentifier: the service model's documentation says \"from 1 to 63 letters, numbers, or hyphens; First character must be a letter\" (identifier 1...63); the spec says identifier 1...255"
            case .rangeBound:
                "CreateThing request.RetentionPeriod: the service model's documentation says \"Must be a value from 1 to 35\" (range 1...35); the spec says range 0...35"
            case .allowedValues:
                "CreateThing request.Engine: the service model's documentation says \"Valid Values: neptune\" (oneOf [neptune]); the spec says oneOf [neptune, aurora]"
            case .enumValues:
                "CreateThing request.ApplyMethod: the service model's documentation says \"shape ApplyMethod: enum immediate, pending-reboot\" (oneOf [immediate, pending-reboot]); the spec says oneOf [immediate]"
            case .missingConstraint:
                "CreateThing request.Engine: the service model's documentation says \"Valid Values: neptune\" (oneOf [neptune]); the spec has no oneOf constraint"
            case .documentedDefault:
                "CreateThing request.RetentionPeriod: the service model's documentation says \"Default: 1\"; the spec's default is '7'"
            }
        }
    }

    @Test(arguments: Spoil.allCases) func eachDifferenceIsFoundAndLocated(_ spoil: Spoil) throws {
        let spec = spoil.apply(to: ServiceModelFixture.spec())
        let problems = ServiceModelCrossCheck(model: try ServiceModelFixture.model(), spec: spec).run().problems
        #expect(problems.map(\.description) == [spoil.expected])
    }

    @Test func aMarkedDepartureIsListedNotAProblem() throws {
        var spec = Spoil.rangeBound.apply(to: ServiceModelFixture.spec())
        spec = spec.changingOperation {
            $0.parameters = $0.parameters.changingMember("RetentionPeriod") {
                $0.departsFromSources = "facts-2 §9: 0 works"
            }
            $0.parameters.members.append(MemberSpec(name: "Color", type: .string))
            $0.parameters = $0.parameters.changingMember("Color") { $0.departsFromSources = "client-side only" }
        }
        let report = ServiceModelCrossCheck(model: try ServiceModelFixture.model(), spec: spec).run()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(
            report.departures.map(\.description) == [
                "CreateThing request.RetentionPeriod: facts-2 §9: 0 works",
                "CreateThing request.Color: client-side only",
            ])
        #expect(report.constraintsCompared == 3)
    }

    @Test func aDepartureMarkerDoesNotSilenceTypesOrRequiredFlags() throws {
        var spec = ServiceModelFixture.spec()
        spec = spec.changingOperation {
            $0.parameters = $0.parameters.changingMember("RetentionPeriod") {
                $0.departsFromSources = "a reason"
                $0.required = true
            }
        }
        let problems = ServiceModelCrossCheck(model: try ServiceModelFixture.model(), spec: spec).run().problems
        #expect(
            problems.map(\.description) == [
                "CreateThing request.RetentionPeriod: the spec marks it required; the service model does not"
            ])
    }

    @Test func aDifferentAPIVersionIsAProblem() throws {
        var spec = ServiceModelFixture.spec()
        spec.apiVersion = "2015-01-01"
        let problems = ServiceModelCrossCheck(model: try ServiceModelFixture.model(), spec: spec).run().problems
        #expect(
            problems.map(\.description) == [
                "service.yaml apiVersion: 2015-01-01 in the spec, 2014-10-31 in the service model"
            ])
    }
}
