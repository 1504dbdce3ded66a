namespace Aspire.Hosting.AppleContainer.Bridge.Tests;

public sealed class LabelCodecTests
{
    [Theory]
    [InlineData("App.Name", "app.name")]
    [InlineData("com.example/role", "com.example-role")]
    [InlineData("--x--.y", "x.y")]
    public void Keys_are_normalised_to_lowercase_dns_style(string key, string expected)
    {
        Assert.Equal(expected, LabelCodec.NormalizeKey(key));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a=b")]
    [InlineData("==")]
    [InlineData("b64.looks-encoded")]
    [InlineData("ünïcødé=✓")]
    public void Values_round_trip_and_never_contain_equals_once_encoded(string value)
    {
        var encoded = LabelCodec.EncodeValue(value);

        Assert.DoesNotContain('=', encoded);
        Assert.Equal(value, LabelCodec.DecodeValue(encoded));
    }

    [Fact]
    public void A_key_without_letters_or_digits_is_invalid_spec()
    {
        Assert.Equal(BridgeErrorCode.InvalidSpec, Assert.Throws<BridgeException>(() => LabelCodec.NormalizeKey("..--")).Code);
    }

    [Fact]
    public void Long_keys_are_cut_to_128_characters()
    {
        Assert.Equal(LabelCodec.MaxKeyLength, LabelCodec.NormalizeKey(new string('a', 300)).Length);
    }
}
