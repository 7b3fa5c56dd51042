import Foundation
import Testing

/// A shell command README.md shows: a line of a ```sh block (backslash continuations joined, the
/// trailing comment dropped), or an inline `neptune-conformance …` span of the prose.
struct ReadmeCommand: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// The README line the command starts on.
    let line: Int
    /// The command as written, without its comment.
    let text: String
    /// Ends with `&`: started and left running for the commands after it.
    let background: Bool
    /// An inline span of the prose (a syntax to check, not always a command to run).
    let inline: Bool
    /// A `run:` step of the README's GitHub Actions job.
    var ciStep = false

    var description: String { "README.md:\(line): \(text)\(background ? " &" : "")" }
    var testDescription: String { description }

    /// The `--endpoint` values, in order.
    var endpoints: [String] { values(of: "--endpoint") }

    /// The words of the command (no quoting beyond single quotes, which the README uses for pip).
    var words: [String] {
        text.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'")) }
    }

    /// Every value that follows `option`.
    func values(of option: String) -> [String] {
        let words = self.words
        return words.indices.dropLast().filter { words[$0] == option }.map { words[$0 + 1] }
    }

    /// The CLI's subcommand (`run`, `parity`, `serve`, …), when the command runs neptune-conformance.
    var subcommand: String? {
        let words = self.words
        // The binary by name, or by a path (an unpacked release archive).
        guard
            let index = words.firstIndex(where: { $0 == "neptune-conformance" || $0.hasSuffix("/neptune-conformance") }
            ),
            index + 1 < words.count
        else { return nil }
        return words[index + 1]
    }

    /// Parses README.md's commands in order.
    static func parse(_ readme: String) -> [ReadmeCommand] {
        var commands: [ReadmeCommand] = []
        var inShell = false
        var inOtherBlock = false
        var inWorkflow = false
        var pending: (line: Int, text: String)?
        for (offset, raw) in readme.components(separatedBy: "\n").enumerated() {
            let number = offset + 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if inShell || inOtherBlock || inWorkflow {
                    inShell = false
                    inOtherBlock = false
                    inWorkflow = false
                } else if trimmed == "```sh" || trimmed == "```bash" || trimmed == "```shell" {
                    inShell = true
                } else if trimmed == "```yaml"
                    && readme.components(separatedBy: "\n").dropFirst(number).prefix(40).contains(where: {
                        $0.contains("runs-on:")
                    })
                {
                    inWorkflow = true
                } else {
                    inOtherBlock = true
                }
                continue
            }
            if inWorkflow {
                if let range = trimmed.range(of: #"^(- )?run: "#, options: .regularExpression) {
                    var step = ReadmeCommand(
                        line: number, text: String(trimmed[range.upperBound...]), background: false, inline: false)
                    step.ciStep = true
                    commands.append(step)
                }
                continue
            }
            if inOtherBlock { continue }
            if !inShell {
                commands += inlineCommands(in: raw, line: number)
                continue
            }
            if pending == nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
            var text = stripComment(trimmed)
            let continues = text.hasSuffix("\\")
            if continues { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
            if let started = pending {
                pending = (started.line, started.text + " " + text)
            } else {
                pending = (number, text)
            }
            if !continues, let finished = pending {
                pending = nil
                var text = finished.text
                let background = text.hasSuffix("&") && !text.hasSuffix("&&")
                if background { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
                commands.append(ReadmeCommand(line: finished.line, text: text, background: background, inline: false))
            }
        }
        return commands
    }

    /// The text before a ` #` comment that is outside single and double quotes.
    static func stripComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var result = ""
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "#" && previous == " " {
                break
            }
            result.append(character)
            previous = character
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// Inline code spans of a prose line that start with `neptune-conformance `.
    static func inlineCommands(in line: String, line number: Int) -> [ReadmeCommand] {
        let spans = line.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return spans.filter { $0.hasPrefix("neptune-conformance ") }.map {
            ReadmeCommand(line: number, text: $0, background: false, inline: true)
        }
    }
}
