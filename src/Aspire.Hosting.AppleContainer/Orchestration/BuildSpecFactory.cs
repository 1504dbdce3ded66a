using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Turns a <see cref="DockerfileBuildAnnotation"/> into a <see cref="BuildSpec"/>; build secret values stay out of any
/// argv (the bridge's job), file secrets are passed by path.
/// </summary>
internal static class BuildSpecFactory
{
    /// <summary>
    /// The spec building <paramref name="image"/> for <paramref name="resource"/>. A build argument whose value is null
    /// (or whose parameter resolves to null) is passed by name only, for the build to take from the environment, as
    /// Aspire hands DCP a build arg with a null value (ContainerCreator.ApplyBuildArgumentsAsync) and its publishers
    /// write <c>--build-arg NAME</c> (ContainerRuntimeBase.BuildArgumentsString). A generated Dockerfile
    /// (<c>WithDockerfileFactory</c>, <c>WithDockerfileBuilder</c>) is written first, as DCP's path does; the target
    /// platform is what the resource's build-options callbacks choose (<see cref="BuildPlatforms"/>).
    /// </summary>
    public static async Task<BuildSpec> CreateAsync(
        IResource resource, DockerfileBuildAnnotation build, string image, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        await MaterializeDockerfileAsync(resource, build, services, logger, cancellationToken).ConfigureAwait(false);
        var arguments = await ResolveAsync(resource, build.BuildArguments, cancellationToken).ConfigureAwait(false);
        var valueSecrets = build.BuildSecrets.Where(s => s.Value is not FileInfo).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var secrets = await ResolveAsync(resource, valueSecrets, cancellationToken).ConfigureAwait(false);
        return new BuildSpec
        {
            ContextDirectory = build.ContextPath,
            Dockerfile = build.DockerfilePath,
            Tags = [image],
            Target = string.IsNullOrEmpty(build.Stage) ? null : build.Stage,
            Platform = await BuildPlatforms.ResolveAsync(resource, services, logger, cancellationToken).ConfigureAwait(false),
            BuildArgs = WithValues(arguments),
            BuildArgsFromEnvironment = [.. arguments.Where(a => a.Value is null).Select(a => a.Key)],
            Secrets = secrets.ToDictionary(s => s.Key, s => s.Value ?? string.Empty, StringComparer.Ordinal),
            SecretFiles = FileSecrets(build),
            Labels = new Dictionary<string, string> { [ContainerLabels.Managed] = "true" },
        };
    }

    /// <summary>
    /// Runs the annotation's <c>DockerfileFactory</c> (which <c>WithDockerfileBuilder</c> sets too) and writes what it
    /// returns to the annotation's <c>DockerfilePath</c>, with Aspire's own <c>EmitDockerfileArtifactsAsync</c>; without
    /// it the build would read the empty file <c>WithDockerfileFactory</c> reserves. DCP's path does the same before a
    /// build (ContainerCreator.ApplyBuildArgumentsAsync, DockerfileHelper.ExecuteDockerfileFactoryAsync) and logs the
    /// generated Dockerfile to the resource's log, as this does.
    /// </summary>
    private static async Task MaterializeDockerfileAsync(IResource resource, DockerfileBuildAnnotation build, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (build.DockerfileFactory is null)
        {
            return;
        }

        var context = new DockerfileFactoryContext { Services = services, Resource = resource, CancellationToken = cancellationToken };
        await build.EmitDockerfileArtifactsAsync(context).ConfigureAwait(false);
        var content = await File.ReadAllTextAsync(build.DockerfilePath, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Wrote generated Dockerfile at {DockerfilePath} for {ResourceName}:\n{DockerfileContent}", build.DockerfilePath, resource.Name, content);
    }

    /// <summary>
    /// The build secrets given as a file (<c>WithBuildSecret(name, FileInfo)</c>): passed by path, as DCP passes them
    /// (<c>BuildContextSecret</c> of type <c>file</c>, ContainerCreator.ApplyBuildArgumentsAsync), never read here.
    /// </summary>
    private static Dictionary<string, string> FileSecrets(DockerfileBuildAnnotation build) =>
        build.BuildSecrets.Where(s => s.Value is FileInfo).ToDictionary(s => s.Key, s => ((FileInfo)s.Value).FullName, StringComparer.Ordinal);

    private static Dictionary<string, string> WithValues(Dictionary<string, string?> values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);

    private static async Task<Dictionary<string, string?>> ResolveAsync<TValue>(IResource resource, Dictionary<string, TValue> values, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            resolved[name] = (object?)value switch
            {
                null => null,
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false),
                bool flag => flag ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build value '{name}' of '{resource.Name}' has an unsupported type {value!.GetType().Name}.") { Option = "build-arg" },
            };
        }

        return resolved;
    }
}
