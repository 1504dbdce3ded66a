using System.Text.Json.Nodes;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Parser.user (Parser.swift@1.2.2:69–95): <c>--user</c> becomes <c>.raw(userString:)</c>; <c>--uid</c> and <c>--gid</c>
/// together become <c>.id(uid:gid:)</c>; <c>--uid</c> alone is <c>.raw("&lt;uid&gt;")</c>; <c>--gid</c> alone is a
/// supplemental group. The default user is the image's (<c>.raw</c>) or <c>.id(0, 0)</c> (lines 307–312).
/// </summary>
internal static class UserParser
{
    public static (JsonObject User, List<uint> Groups) Parse(string? user, uint? uid, uint? gid, JsonObject defaultUser)
    {
        var groups = new List<uint>();
        if (!string.IsNullOrEmpty(user))
        {
            return (Raw(user), groups);
        }

        if (uid is { } u && gid is { } g)
        {
            return (Id(u, g), groups);
        }

        if (uid is null && gid is null)
        {
            return (defaultUser, groups);
        }

        if (uid is { } onlyUid)
        {
            return (Raw(onlyUid.ToString(System.Globalization.CultureInfo.InvariantCulture)), groups);
        }

        groups.Add(gid!.Value);
        return (defaultUser, groups);
    }

    /// <summary>ProcessConfiguration.User encoded as Swift encodes an enum with associated values.</summary>
    public static JsonObject Raw(string userString) => new() { ["raw"] = new JsonObject { ["userString"] = userString } };

    public static JsonObject Id(uint uid, uint gid) => new() { ["id"] = new JsonObject { ["gid"] = gid, ["uid"] = uid } };

    /// <summary>The <c>--user</c> value podman takes for a ProcessConfiguration.User.</summary>
    public static string ToPodman(JsonNode user) =>
        user["raw"]?["userString"]?.GetValue<string>()
        ?? $"{user["id"]?["uid"]?.ToUInt32() ?? 0}:{user["id"]?["gid"]?.ToUInt32() ?? 0}";
}
