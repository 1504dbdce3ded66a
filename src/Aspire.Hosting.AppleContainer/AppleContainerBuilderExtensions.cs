using Aspire.Hosting.AppleContainer;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// Adds containers that run on Apple's native <c>container</c> runtime (or podman/docker elsewhere) to an Aspire
/// application, and the settings specific to them. Every verb of <see cref="ContainerResource"/> applies as well. The
/// settings are container runtime arguments, so they apply whoever runs the resource: this integration (see
/// <c>UseAppleContainerRuntime</c>) or DCP.
/// </summary>
public static class AppleContainerBuilderExtensions
{
    /// <summary>
    /// Adds a container resource run from <paramref name="image"/>:<paramref name="tag"/>. In run mode the
    /// integration runs it through the selected runtime (see <c>ASPIRE_APPLECONTAINER_RUNTIME</c>); in publish mode
    /// it is written exactly like a container added with <c>AddContainer</c>, and an image that exists only on this
    /// machine (<c>localhost/…</c>, e.g. an <c>AppleContainerImage</c> item's) is pushed by <c>aspire do push</c> to the
    /// application's container registry.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="image">The image name, optionally with a registry (e.g. <c>docker.io/library/redis</c>).</param>
    /// <param name="tag">The image tag.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<AppleContainerResource> AddAppleContainer(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string image, string tag = "latest")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(image);
        ArgumentException.ThrowIfNullOrEmpty(tag);

        AppleContainerServiceRegistration.AddAppleContainerServices(builder);
        return builder.AddResource(new AppleContainerResource(name)).WithImage(image, tag).WithLocalImagePushStep();
    }

    /// <summary>
    /// Adds a container resource whose image is built from a Dockerfile. In run mode the build runs through the
    /// selected runtime with its output in the resource's log; in publish mode the resource is written like one
    /// added with <c>AddDockerfile</c> (<c>container.v1</c> with a <c>build</c> section).
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="contextPath">The build context directory, absolute or relative to the AppHost directory.</param>
    /// <param name="dockerfilePath">The Dockerfile, relative to the context; <c>Dockerfile</c> when null.</param>
    /// <param name="stage">The target stage, when not the last one.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<AppleContainerResource> AddAppleContainerFromDockerfile(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string contextPath, string? dockerfilePath = null, string? stage = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(contextPath);

        AppleContainerServiceRegistration.AddAppleContainerServices(builder);
        return builder.AddResource(new AppleContainerResource(name)).WithImage("placeholder").WithDockerfile(contextPath, dockerfilePath, stage);
    }

    /// <summary>
    /// Limits the container to <paramref name="cpus"/> CPUs, as the <c>--cpus</c> runtime argument, so the limit holds
    /// whoever runs the resource (this integration or DCP). Apple's runtime gives each container a VM with whole CPUs,
    /// so a fractional value fails the resource there with a coded message; podman and docker accept it.
    /// </summary>
    /// <typeparam name="T">The container resource type.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <param name="cpus">The number of CPUs, greater than zero.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<T> WithCpus<T>(this IResourceBuilder<T> builder, double cpus)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpus);
        return builder.WithRunFlags(OciRunFlags.ForCpus(cpus));
    }

    /// <summary>
    /// Limits the container's memory to <paramref name="bytes"/> bytes, as the <c>--memory</c> runtime argument. On
    /// Apple's runtime this is the memory of the container's VM (which otherwise gets the runtime's default).
    /// </summary>
    /// <typeparam name="T">The container resource type.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <param name="bytes">The limit in bytes; at least 6 MiB.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<T> WithMemory<T>(this IResourceBuilder<T> builder, long bytes)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, RunSpecValidator.MinimumMemoryBytes);
        return builder.WithRunFlags(OciRunFlags.ForMemory(bytes));
    }

    /// <summary>
    /// Runs an init process as PID 1 that reaps zombies and forwards signals to the container's process, as the
    /// <c>--init</c> runtime argument.
    /// </summary>
    /// <typeparam name="T">The container resource type.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <param name="enabled">Whether to run the init process.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<T> WithInit<T>(this IResourceBuilder<T> builder, bool enabled = true)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithRunFlags(OciRunFlags.ForInit(enabled));
    }

    /// <summary>
    /// Sets a label on the container, as the <c>--label</c> runtime argument (in addition to the labels this
    /// integration sets itself to find its containers again, which a label of the same key does not replace). Keys are
    /// normalised to the form every runtime accepts when this integration runs the container.
    /// </summary>
    /// <typeparam name="T">The container resource type.</typeparam>
    /// <param name="builder">The resource builder.</param>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<T> WithContainerLabel<T>(this IResourceBuilder<T> builder, string key, string value)
        where T : ContainerResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithRunFlags(OciRunFlags.ForLabel(key, value));
    }

    private static IResourceBuilder<T> WithRunFlags<T>(this IResourceBuilder<T> builder, IReadOnlyList<string> flags)
        where T : ContainerResource =>
        builder.WithContainerRuntimeArgs([.. flags]);
}
