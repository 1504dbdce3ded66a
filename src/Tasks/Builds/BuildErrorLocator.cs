using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Tasks.Builds;

/// <summary>
/// Reads a failed build's output for the Dockerfile line it failed at. Two formats are known:
/// <list type="bullet">
/// <item>BuildKit (docker buildx, Apple's <c>container build</c>): a <c>Dockerfile:12</c> line before the source
/// excerpt, <c>dockerfile parse error on line 12</c>, and a closing <c>ERROR: …</c> line.</item>
/// <item>Buildah (podman): <c>[2/3] STEP 4/6: RUN …</c> progress lines, then <c>Error: building at STEP "…": …</c>;
/// the stage and step are mapped to a line with <see cref="DockerfileInstructions"/>.</item>
/// </list>
/// </summary>
internal static partial class BuildErrorLocator
{
    /// <summary>Locates the failure; <see cref="BuildFailure.Line"/> is 0 when the output names no line.</summary>
    public static BuildFailure? Locate(IReadOnlyList<string> output, string dockerfile, DockerfileInstructions instructions)
    {
        var dockerfileName = Path.GetFileName(dockerfile);
        int? buildKitLine = null, parseLine = null;
        (int Stage, int Step)? lastStep = null;
        string? error = null;
        var failedStep = false;
        foreach (var raw in output)
        {
            var line = raw.Trim();
            if (FileLinePattern().Match(line) is { Success: true } fileLine && Path.GetFileName(fileLine.Groups["file"].Value) == dockerfileName)
            {
                buildKitLine = int.Parse(fileLine.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (StepPattern().Match(line) is { Success: true } step)
            {
                var stage = step.Groups["stage"].Success ? int.Parse(step.Groups["stage"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                lastStep = (stage, int.Parse(step.Groups["step"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (ParseErrorPattern().Match(line) is { Success: true } parse)
            {
                parseLine = int.Parse(parse.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (ErrorPattern().Match(line) is { Success: true } message)
            {
                // Buildah appends a dump of its parsed step ("… &imagebuilder.Step{…}") that helps nobody.
                error = message.Groups["message"].Value.Split(" &imagebuilder.", 2)[0];
                failedStep = line.Contains("building at STEP", StringComparison.Ordinal);
            }
        }

        if (error is null)
        {
            return null;
        }

        var isSyntax = parseLine is not null || SyntaxPattern().IsMatch(error);
        var stepLine = failedStep && lastStep is { } last ? instructions.LineOf(last.Stage, last.Step) : null;
        return new BuildFailure(parseLine ?? buildKitLine ?? stepLine ?? 0, error, isSyntax);
    }

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileLinePattern();

    [GeneratedRegex(@"^(\[(?<stage>\d+)/\d+\]\s+)?STEP\s+(?<step>\d+)/\d+:", RegexOptions.CultureInvariant)]
    private static partial Regex StepPattern();

    [GeneratedRegex(@"dockerfile parse error (on )?line (?<line>\d+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ParseErrorPattern();

    [GeneratedRegex(@"^(ERROR|Error):\s*(?<message>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex(@"unknown instruction|parse error|syntax error|unknown flag", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SyntaxPattern();
}
