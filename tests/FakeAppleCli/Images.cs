using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FakeAppleCli;

/// <summary>
/// <c>image inspect|pull|delete|list|tag</c>, <c>builder status|start|stop</c> and <c>build</c>. The two test images are
/// served by a built-in registry; <c>registry/&lt;name&gt;.json</c> files (<c>{"from":"&lt;image&gt;"}</c>) make more names pullable.
/// </summary>
internal static partial class Images
{
    public const string Busybox = "localhost/actr-test/busybox:latest";
    public const string Service = "localhost/actr-test/service:latest";

    public static JsonObject? Find(FakeState state, string reference) =>
        File.Exists(RecordPath(state, reference)) ? FakeState.ReadObject(RecordPath(state, reference)) : null;

    public static JsonObject? PullFromRegistry(FakeState state, string reference)
    {
        JsonObject? image = reference switch
        {
            Busybox => Describe(reference, new JsonObject { ["Cmd"] = new JsonArray("sh"), ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") }),
            Service => Describe(reference, new JsonObject { ["Entrypoint"] = new JsonArray("/service"), ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), ["ExposedPorts"] = new JsonObject { ["8080/tcp"] = new JsonObject() } }),
            _ => null,
        };
        var alias = Path.Combine(state.Root, "registry", Key(reference) + ".json");
        if (image is null && File.Exists(alias) && FakeState.ReadObject(alias)["from"]?.GetValue<string>() is { } from && (Find(state, from) ?? PullFromRegistry(state, from)) is { } source)
        {
            image = Describe(reference, source["variants"]![0]!["config"]!["config"]!.DeepClone().AsObject());
        }

        if (image is not null)
        {
            Save(state, reference, image);
        }

        return image;
    }

    public static void CopyRootfs(FakeState state, string reference, string destination)
    {
        var source = RecordPath(state, reference) + ".rootfs";
        Directory.CreateDirectory(destination);
        if (Directory.Exists(source))
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(destination, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    public static int Image(FakeState state, string verb, FakeArgs args)
    {
        var options = args.ReadOptions(new HashSet<string> { "--format", "--progress", "--platform", "--arch", "--os", "--scheme" }, new Dictionary<string, string> { ["-f"] = "--force", ["-a"] = "--arch" });
        switch (verb)
        {
            case "image inspect":
                var missing = args.Positionals.Where(r => Find(state, r) is null).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    // ImageInspect.swift @1.0.0.
                    throw FakeFailure.NotFound($"image not found: {string.Join(", ", missing)}");
                }

                Console.WriteLine(new JsonArray([.. args.Positionals.Distinct().Select(r => (JsonNode)Find(state, r)!)]).ToJsonString(FakeState.Pretty));
                return 0;
            case "image pull":
                var reference = args.Positionals.Single();
                Console.Error.WriteLine($"Fetching image {reference}");
                if (Find(state, reference) is null && PullFromRegistry(state, reference) is null)
                {
                    throw FakeFailure.NotFound($"image with reference {reference}");
                }

                Console.Error.WriteLine($"Unpacking image {reference}");
                return 0;
            case "image delete" or "image rm":
                foreach (var image in args.Positionals)
                {
                    if (Find(state, image) is null)
                    {
                        throw FakeFailure.Internal($"failed to delete one or more images: [\"{image}\"]");
                    }

                    File.Delete(RecordPath(state, image));
                    if (Directory.Exists(RecordPath(state, image) + ".rootfs"))
                    {
                        Directory.Delete(RecordPath(state, image) + ".rootfs", recursive: true);
                    }

                    Console.WriteLine(image);
                }

                return 0;
            case "image tag":
                var tagged = Find(state, args.Positionals[0]) ?? throw FakeFailure.NotFound($"image not found: {args.Positionals[0]}");
                Save(state, args.Positionals[1], Describe(args.Positionals[1], tagged["variants"]![0]!["config"]!["config"]!.DeepClone().AsObject()));
                return 0;
            default:
                var all = Directory.Exists(Path.Combine(state.Root, "images"))
                    ? Directory.EnumerateFiles(Path.Combine(state.Root, "images"), "*.json").Select(f => (JsonNode)FakeState.ReadObject(f)).ToArray()
                    : [];
                Console.WriteLine(new JsonArray(all).ToJsonString(FakeState.Compact));
                return 0;
        }
    }

    public static void Save(FakeState state, string reference, JsonObject image)
    {
        Directory.CreateDirectory(Path.Combine(state.Root, "images"));
        FakeState.WriteObject(RecordPath(state, reference), image);
    }

    public static string RecordPath(FakeState state, string reference) => Path.Combine(state.Root, "images", Key(reference) + ".json");

    /// <summary>An ImageResource (ImageResource.swift @1.0.0): labels and the OCI config under <c>variants[].config.config</c>.</summary>
    public static JsonObject Describe(string reference, JsonObject config)
    {
        var digest = "sha256:" + Key(reference + config.ToJsonString());
        return new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["creationDate"] = FakeState.Now(),
                ["descriptor"] = new JsonObject { ["digest"] = digest, ["mediaType"] = "application/vnd.oci.image.index.v1+json", ["size"] = 314 },
                ["name"] = reference,
            },
            ["id"] = digest["sha256:".Length..],
            ["variants"] = new JsonArray(new JsonObject
            {
                ["config"] = new JsonObject { ["architecture"] = "arm64", ["config"] = config, ["os"] = "linux", ["rootfs"] = new JsonObject { ["diff_ids"] = new JsonArray(), ["type"] = "layers" } },
                ["digest"] = "sha256:" + Key(digest),
                ["platform"] = new JsonObject { ["architecture"] = "arm64", ["os"] = "linux" },
                ["size"] = 1024,
            }),
        };
    }

    private static string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
