using System.Globalization;
using System.Text.Json.Nodes;

namespace AppleCliEmulator.Json;

/// <summary>Numbers out of JSON nodes whether they were parsed or built in memory (typed nodes do not convert).</summary>
internal static class JsonNumbers
{
    public static int ToInt32(this JsonNode node) => int.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    public static long ToInt64(this JsonNode node) => long.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    public static uint ToUInt32(this JsonNode node) => uint.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);
}
