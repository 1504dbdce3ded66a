using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>Turns a <see cref="DockerfileBuildAnnotation"/> into a <see cref="BuildSpec"/>; build secrets stay out of any argv (the bridge's job).</summary>
internal static class BuildSpecFactory
{
    /// <summary>The spec building <paramref name="image"/> for <paramref name="resource"/>.</summary>
    public static async Task<BuildSpec> CreateAsync(IResource resource, DockerfileBuildAnnotation build, string image, CancellationToken cancellationToken)
    {
        return new BuildSpec
        {
            ContextDirectory = build.ContextPath,
            Dockerfile = build.DockerfilePath,
            Tags = [image],
            Target = string.IsNullOrEmpty(build.Stage) ? null : build.Stage,
            BuildArgs = await ResolveAsync(resource, build.BuildArguments, cancellationToken).ConfigureAwait(false),
            Secrets = await ResolveAsync(resource, build.BuildSecrets, cancellationToken).ConfigureAwait(false),
            Labels = new Dictionary<string, string> { [ContainerLabels.Managed] = "true" },
        };
    }

    private static async Task<Dictionary<string, string>> ResolveAsync<TValue>(IResource resource, Dictionary<string, TValue> values, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            resolved[name] = (object?)value switch
            {
                null => string.Empty,
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty,
                bool flag => flag ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build value '{name}' of '{resource.Name}' has an unsupported type {value!.GetType().Name}.") { Option = "build-arg" },
            };
        }

        return resolved;
    }
}
