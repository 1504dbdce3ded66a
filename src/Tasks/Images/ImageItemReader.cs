using System.Text.RegularExpressions;
using Aspire.Hosting.AppleContainer.Tasks.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>
/// Reads <c>AppleContainerImage</c> items into <see cref="ImageDeclaration"/>s, resolving relative paths against the
/// project directory and logging a coded error (ACTR4xxx) for every invalid item.
/// </summary>
internal sealed partial class ImageItemReader(TaskLoggingHelper log, string projectDirectory)
{
    /// <summary>Reads every item; returns only the valid ones (errors are logged for the rest).</summary>
    public IReadOnlyList<ImageDeclaration> Read(IEnumerable<ITaskItem> items, string? defaultLabels)
    {
        var declarations = new List<ImageDeclaration>();
        var identifiers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (Read(item, defaultLabels) is not { } declaration)
            {
                continue;
            }

            if (!identifiers.Add(declaration.Identifier))
            {
                log.CodedError("DuplicateName", null, 0, declaration.Name, declaration.Identifier);
                continue;
            }

            declarations.Add(declaration);
        }

        return declarations;
    }

    private ImageDeclaration? Read(ITaskItem item, string? defaultLabels)
    {
        var name = item.ItemSpec.Trim();
        var errors = 0;
        var identifier = ImageIdentifier.TryCreate(name);
        if (identifier is null)
        {
            Error("InvalidName", name);
        }

        var dockerfileText = Metadata(item, "Dockerfile");
        var contextText = Metadata(item, "Context") ?? (dockerfileText is null ? name : Path.GetDirectoryName(FullPath(dockerfileText)));
        var context = FullPath(contextText!);
        var dockerfile = dockerfileText is null ? Path.Combine(context, "Dockerfile") : FullPath(dockerfileText);
        if (!Directory.Exists(context))
        {
            Error("ContextMissing", name, context);
        }
        else if (!File.Exists(dockerfile))
        {
            Error("DockerfileMissing", name, dockerfile);
        }

        var tagText = Metadata(item, "Tag") ?? $"localhost/{name.ToLowerInvariant()}:latest";
        var reference = ImageReference.TryParse(tagText);
        if (reference is null)
        {
            Error("InvalidTag", name, tagText);
        }

        var additionalTags = List(Metadata(item, "AdditionalTags"));
        foreach (var tag in additionalTags.Where(tag => ImageReference.TryParse(tag) is null))
        {
            Error("InvalidTag", name, tag);
        }

        var platform = Metadata(item, "Platform");
        if (platform is not null && !PlatformPattern().IsMatch(platform))
        {
            Error("InvalidPlatform", name, platform);
        }

        var buildArgs = Pairs(name, MetadataList.Read(item, "BuildArgs"), "InvalidBuildArg", ref errors);
        var labels = Pairs(name, [.. List(defaultLabels), .. MetadataList.Read(item, "Labels")], "InvalidLabel", ref errors);
        return errors > 0 ? null : new ImageDeclaration
        {
            Name = name,
            Identifier = identifier!,
            ContextDirectory = context,
            Dockerfile = dockerfile,
            Reference = reference!,
            AdditionalTags = additionalTags,
            BuildArgs = buildArgs,
            Labels = labels,
            Target = Metadata(item, "TargetStage"),
            Platform = platform,
        };

        void Error(string message, params object?[] arguments)
        {
            errors++;
            log.CodedError(message, null, 0, arguments);
        }
    }

    private List<KeyValuePair<string, string>> Pairs(string image, IEnumerable<string> entries, string invalidMessage, ref int errors)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var entry in entries)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || entry[..equals].Trim().Length == 0 || entry[..equals].Any(char.IsWhiteSpace))
            {
                errors++;
                log.CodedError(invalidMessage, null, 0, image, entry);
                continue;
            }

            pairs.RemoveAll(pair => pair.Key == entry[..equals]);
            pairs.Add(new(entry[..equals], entry[(equals + 1)..]));
        }

        return pairs;
    }

    private string FullPath(string path) => Path.GetFullPath(Path.Combine(projectDirectory, path));

    private static string? Metadata(ITaskItem item, string name) =>
        item.GetMetadata(name) is { Length: > 0 } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static List<string> List(string? text) =>
        text is null ? [] : [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex("^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlatformPattern();
}
