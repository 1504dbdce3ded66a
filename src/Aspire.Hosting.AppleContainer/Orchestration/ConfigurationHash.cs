using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Files;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// A hash of what a persistent container is made of, stored in its <see cref="ContainerLabels.ConfigHash"/> label: a
/// persistent container whose hash matches is reused, otherwise recreated (as DCP's lifecycle key decides for Aspire's
/// own persistent containers). It is complete by construction: every property of <see cref="RunSpec"/> is written
/// (<see cref="CanonicalText"/>), minus the named exclusions below, plus the image's identity as the runtime reports
/// it once the image is ensured, so a rebuilt Dockerfile image or an updated tag recreates the container.
/// </summary>
internal static class ConfigurationHash
{
    /// <summary>
    /// <see cref="RunSpec"/> properties left out, each with why. A property added to <see cref="RunSpec"/> is hashed
    /// unless it is named here (<c>ConfigurationHashTests</c> changes each one in turn). Everything else counts: host
    /// ports are stable per AppHost and endpoint and a persistent container's are reused (<c>EndpointAllocator</c>),
    /// its name is stable per AppHost, and what changes from run to run among the labels is in <see cref="ExcludedLabels"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ExcludedProperties = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // The image's id is hashed in its place: it names the content, which the reference does not (an updated tag),
        // and a Dockerfile resource's reference gets a new tag every run (Aspire's ImageNameGenerator.GenerateImageTag
        // hashes the time) although a rebuild of unchanged inputs yields the same image.
        [nameof(RunSpec.Image)] = "identified by the image id instead",
    };

    /// <summary>
    /// Labels left out: the session and the owner process change from run to run without changing the container, and
    /// the hash cannot contain itself.
    /// </summary>
    public static readonly IReadOnlySet<string> ExcludedLabels = new HashSet<string>(StringComparer.Ordinal)
    {
        ContainerLabels.Session, ContainerLabels.Owner, ContainerLabels.ConfigHash,
    };

    private static readonly IReadOnlyList<PropertyInfo> Hashed =
        [.. CanonicalText.PropertiesOf(typeof(RunSpec)).Where(p => !ExcludedProperties.ContainsKey(p.Name))];

    /// <summary>The hash (32 hex characters) of <paramref name="spec"/> run from the image whose id is <paramref name="imageId"/>.</summary>
    /// <param name="spec">The container's spec.</param>
    /// <param name="imageId">The image's id as <see cref="IContainerRuntime.GetImageIdAsync"/> reports it.</param>
    public static string Compute(RunSpec spec, string imageId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(imageId);
        var text = new StringBuilder();
        CanonicalText.WriteProperties(text, spec, Hashed, property => property.Name switch
        {
            nameof(RunSpec.Labels) => spec.Labels.Where(l => !ExcludedLabels.Contains(l.Key)).ToDictionary(StringComparer.Ordinal),

            // By content: a file's bytes, a source file's as it reads now, so changed init files recreate the container.
            nameof(RunSpec.Files) => ContainerFilesDigest.Compute(spec.Files),
            _ => property.GetValue(spec),
        });
        text.Append("imageId=");
        CanonicalText.Write(text, imageId);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }

    /// <summary><paramref name="spec"/> with its <see cref="ContainerLabels.ConfigHash"/> label set from <see cref="Compute"/>.</summary>
    public static RunSpec Stamp(RunSpec spec, string imageId) =>
        spec with { Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal) { [ContainerLabels.ConfigHash] = Compute(spec, imageId) } };
}
