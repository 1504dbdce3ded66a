using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Tasks.Builds;

/// <summary>
/// Where each instruction of a Dockerfile starts, grouped by stage (a <c>FROM</c> starts a stage; instructions before
/// the first <c>FROM</c>, global <c>ARG</c>s, belong to no stage). Comments, blank lines, parser directives and line
/// continuations (with the <c># escape=</c> character) are handled as Docker's parser does.
/// </summary>
internal sealed partial class DockerfileInstructions
{
    private DockerfileInstructions(IReadOnlyList<IReadOnlyList<int>> stages) => Stages = stages;

    /// <summary>For each stage, the 1-based line of each instruction, <c>FROM</c> first.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Stages { get; }

    /// <summary>The line of instruction <paramref name="step"/> (1-based) of stage <paramref name="stage"/> (1-based), or null.</summary>
    public int? LineOf(int stage, int step) =>
        stage >= 1 && stage <= Stages.Count && step >= 1 && step <= Stages[stage - 1].Count ? Stages[stage - 1][step - 1] : null;

    /// <summary>Parses a Dockerfile's text.</summary>
    public static DockerfileInstructions Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var escape = '\\';
        var stages = new List<List<int>>();
        var inDirectives = true;
        var continuing = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (inDirectives && DirectivePattern().Match(line) is { Success: true } directive)
            {
                if (directive.Groups["name"].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && directive.Groups["value"].Length > 0)
                {
                    escape = directive.Groups["value"].Value[0];
                }

                continue;
            }

            inDirectives = false;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!continuing)
            {
                if (line.StartsWith("FROM", StringComparison.OrdinalIgnoreCase) && (line.Length == 4 || char.IsWhiteSpace(line[4])))
                {
                    stages.Add([]);
                }

                if (stages.Count > 0)
                {
                    stages[^1].Add(index + 1);
                }
            }

            continuing = line[^1] == escape;
        }

        return new DockerfileInstructions(stages);
    }

    [GeneratedRegex(@"^#\s*(?<name>[a-zA-Z]+)\s*=\s*(?<value>\S*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DirectivePattern();
}
