using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// <c>WithImagePullPolicy</c> as DCP honours it (ContainerCreator maps it to the container's <c>pullPolicy</c>):
/// <see cref="ImagePullPolicy.Always"/> pulls on every start, <see cref="ImagePullPolicy.Missing"/> and
/// <see cref="ImagePullPolicy.Default"/> pull only an image the runtime lacks, <see cref="ImagePullPolicy.Never"/>
/// never pulls, so a missing image fails the start.
/// </summary>
internal static class ImagePullPolicies
{
    /// <summary>The resource's pull policy (<see cref="ImagePullPolicy.Default"/> when none is set).</summary>
    public static ImagePullPolicy Of(IResource resource) =>
        resource.TryGetLastAnnotation<ContainerImagePullPolicyAnnotation>(out var annotation) ? annotation.ImagePullPolicy : ImagePullPolicy.Default;

    /// <summary>The coded failure of a start whose image is missing while the policy forbids pulling it.</summary>
    public static BridgeException NeverPulled(string runtime, string resource, string image) => new(
        BridgeErrorCode.ImageNotFound,
        $"{runtime} has no image '{image}', and the image pull policy of '{resource}' is Never.")
    {
        Runtime = runtime,
        Hint = $"Pull or build '{image}' with {runtime} first, or give '{resource}' another image pull policy (WithImagePullPolicy).",
    };
}
