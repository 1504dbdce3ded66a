using System.Text.RegularExpressions;
using System.Xml.Linq;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Diagnostics;

/// <summary>
/// One prefix, ranges, unique codes, and a documented remedy for each: every <c>ACTRnnnn</c> that any resource file of
/// the product (bridge, integration, tasks) starts a message with.
/// </summary>
public sealed partial class DiagnosticCodeTests
{
    private static readonly IReadOnlyList<(string File, string Name, string Code, string? Comment)> CodedMessages = ReadCodedMessages();

    private static List<(string, string, string, string?)> ReadCodedMessages()
    {
        var files = new[] { "bridge", "src" }
            .SelectMany(folder => Directory.EnumerateFiles(RepoPaths.Combine(folder), "*.resx", SearchOption.AllDirectories))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal));
        return [.. files.SelectMany(file => XDocument.Load(file).Root!.Elements("data")
            .Select(data => (file, Name: data.Attribute("name")!.Value, Value: data.Element("value")?.Value ?? string.Empty, Comment: data.Element("comment")?.Value))
            .Where(entry => CodePrefix().IsMatch(entry.Value))
            .Select(entry => (entry.file, entry.Name, CodePrefix().Match(entry.Value).Groups["code"].Value, entry.Comment)))];
    }

    [Fact]
    public void The_bridge_and_the_tasks_both_have_coded_messages() =>
        Assert.Equal(2, CodedMessages.Select(m => Path.GetFileName(m.File)).Intersect(["DiagnosticMessages.resx", "TaskMessages.resx"]).Count());

    [Fact]
    public void Every_code_is_used_by_exactly_one_message()
    {
        var duplicates = CodedMessages.GroupBy(m => m.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Name))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_coded_message_protects_its_code_from_translation_and_lies_in_a_known_range()
    {
        foreach (var (_, name, code, comment) in CodedMessages)
        {
            Assert.True(comment is not null && comment.Contains($"{{StrBegin=\"{code}: \"}}", StringComparison.Ordinal), $"{name} lacks {{StrBegin=\"{code}: \"}}.");
            Assert.InRange(code[4], '1', '5');
        }
    }

    [Fact]
    public void Every_code_is_documented_with_a_remedy_and_the_documentation_lists_no_other_code()
    {
        var rows = File.ReadAllLines(RepoPaths.Combine("docs", "diagnostics.md"))
            .Select(line => DocumentedRow().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["code"].Value, match => match.Groups["remedy"].Value.Trim());

        Assert.Empty(CodedMessages.Select(m => m.Code).Except(rows.Keys));
        Assert.Empty(rows.Keys.Except(CodedMessages.Select(m => m.Code)));
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row.Value), $"{row.Key} has no remedy."));
    }

    [Fact]
    public void Retired_codes_are_not_used_again()
    {
        var retired = File.ReadAllLines(RepoPaths.Combine("docs", "diagnostics.md"))
            .Where(line => line.StartsWith("Retired codes", StringComparison.Ordinal))
            .SelectMany(line => RetiredCode().Matches(line).Select(match => match.Value))
            .ToList();

        Assert.Contains("ACTR3004", retired);
        Assert.Empty(CodedMessages.Select(m => m.Code).Intersect(retired));
    }

    [GeneratedRegex(@"ACTR\d{4}")]
    private static partial Regex RetiredCode();

    [GeneratedRegex(@"^(?<code>ACTR\d{4}): ")]
    private static partial Regex CodePrefix();

    [GeneratedRegex(@"^\| (?<code>ACTR\d{4}) \|.*\| (?<remedy>[^|]*) \|$")]
    private static partial Regex DocumentedRow();
}
