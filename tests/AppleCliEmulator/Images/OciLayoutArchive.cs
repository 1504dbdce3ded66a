using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Podman;

namespace AppleCliEmulator.Images;

/// <summary>
/// The OCI image layout tarballs of <c>image save</c> and <c>image load</c> (Sources/Containerization/Image/ImageStore/
/// ImageStore+OCILayout.swift@0.40.1, LocalOCILayoutClient.swift@0.40.1:150-230): <c>oci-layout</c>, <c>index.json</c> with
/// one descriptor per image, and <c>blobs/sha256/…</c>. A saved descriptor carries its image's reference under the three
/// name annotations (<c>com.apple.containerization.image.name</c>, <c>io.containerd.image.name</c>,
/// <c>org.opencontainers.image.ref.name</c>, lines 203-208); a loaded one is named by the first of them present, else
/// <c>untagged@&lt;digest&gt;</c> (lines 210-230). The content moves through podman: each image is saved with
/// <c>podman save --format oci-dir</c> and loaded with <c>podman load</c> of a one-image layout whose
/// <c>org.opencontainers.image.ref.name</c> is podman's name for it.
/// </summary>
internal static class OciLayoutArchive
{
    private static readonly string[] NameAnnotations = ["com.apple.containerization.image.name", "io.containerd.image.name", "org.opencontainers.image.ref.name"];

    /// <summary>Writes <paramref name="images"/> into one layout tarball at <paramref name="output"/>.</summary>
    public static void Save(IReadOnlyList<LocalImage> images, string output)
    {
        var work = Directory.CreateTempSubdirectory("actr-apple-save-").FullName;
        try
        {
            var layout = Directory.CreateDirectory(Path.Combine(work, "layout")).FullName;
            var blobs = Directory.CreateDirectory(Path.Combine(layout, "blobs", "sha256")).FullName;
            var manifests = new JsonArray();
            for (var i = 0; i < images.Count; i++)
            {
                var directory = Path.Combine(work, $"image-{i}");
                PodmanCli.Check("save", "--format", "oci-dir", "--output", directory, images[i].Podman["Id"]!.GetValue<string>());
                foreach (var blob in Directory.EnumerateFiles(Path.Combine(directory, "blobs", "sha256")))
                {
                    var target = Path.Combine(blobs, Path.GetFileName(blob));
                    if (!File.Exists(target))
                    {
                        File.Move(blob, target);
                    }
                }

                var descriptor = (JsonObject)ReadIndex(directory)["manifests"]![0]!.DeepClone();
                var annotations = new JsonObject();
                foreach (var key in NameAnnotations)
                {
                    annotations[key] = images[i].Reference;
                }

                descriptor["annotations"] = annotations;
                manifests.Add(descriptor);
            }

            File.WriteAllText(Path.Combine(layout, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
            File.WriteAllText(Path.Combine(layout, "index.json"), new JsonObject { ["schemaVersion"] = 2, ["manifests"] = manifests }.ToJsonString());
            File.Delete(output);
            TarFile.CreateFromDirectory(layout, output, includeBaseDirectory: false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Loads every image of the layout tarball (plain or gzip-compressed) at <paramref name="input"/>; returns their references.</summary>
    public static IReadOnlyList<string> Load(string input)
    {
        var work = Directory.CreateTempSubdirectory("actr-apple-load-").FullName;
        try
        {
            var layout = Directory.CreateDirectory(Path.Combine(work, "layout")).FullName;
            Extract(input, layout);
            foreach (var required in new[] { "oci-layout", "index.json" })
            {
                if (!File.Exists(Path.Combine(layout, required)))
                {
                    // loadIndexFromOCILayout (LocalOCILayoutClient.swift@0.40.1:153-171): notFound with the missing file's path.
                    throw CliFailure.Of(ContainerizationError.NotFound(Path.Combine(layout, required)));
                }
            }

            var references = new List<string>();
            var index = ReadIndex(layout);
            var descriptors = index["manifests"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
            if (descriptors.Count == 0)
            {
                throw CliFailure.Of(ContainerizationError.Internal("failed to import image"));
            }

            foreach (var descriptor in descriptors)
            {
                var annotations = descriptor["annotations"] as JsonObject;
                var reference = NameAnnotations.Select(key => annotations?[key]?.GetValue<string>()).FirstOrDefault(name => !string.IsNullOrEmpty(name))
                    ?? $"untagged@{descriptor["digest"]!.GetValue<string>()}";
                var podmanName = reference.StartsWith("untagged@", StringComparison.Ordinal) ? null : ImageStore.PodmanName(ImageReference.Normalize(reference));
                var single = (JsonObject)descriptor.DeepClone();
                single["annotations"] = podmanName is null ? null : new JsonObject { ["org.opencontainers.image.ref.name"] = podmanName };
                File.WriteAllText(Path.Combine(layout, "index.json"), new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(single) }.ToJsonString());
                var archive = Path.Combine(work, "one.tar");
                File.Delete(archive);
                TarFile.CreateFromDirectory(layout, archive, includeBaseDirectory: false);
                var result = PodmanCli.Run("load", "--input", archive);
                if (result.ExitCode != 0)
                {
                    throw CliFailure.Of(ContainerizationError.Internal($"failed to import image {reference}: {result.ErrorMessage}"));
                }

                references.Add(reference);
            }

            return references;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static JsonObject ReadIndex(string layout) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(layout, "index.json"))) as JsonObject
            ?? throw CliFailure.Of(ContainerizationError.InvalidArgument("index.json is not a JSON object"));

    private static void Extract(string input, string destination)
    {
        using var file = File.OpenRead(input);
        var magic = new byte[2];
        var gzip = file.Read(magic, 0, 2) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        TarFile.ExtractToDirectory(stream, destination, overwriteFiles: true);
    }
}
