using Aspire.Hosting.AppleContainer.Orchestration;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class DcpTemplateExpanderTests
{
    private static readonly Dictionary<string, string> Annotations = new(StringComparer.Ordinal)
    {
        ["otel-service-name"] = "web",
        ["otel-service-instance-id"] = "0a1b2c3d",
    };

    [Theory]
    [InlineData("{{- index .Annotations \"otel-service-name\" -}}", "web")]
    [InlineData("{{index .Annotations \"otel-service-name\"}}", "web")]
    [InlineData("{{ index .Annotations \"otel-service-name\" }}", "web")]
    [InlineData("service.instance.id={{- index .Annotations \"otel-service-instance-id\" -}}", "service.instance.id=0a1b2c3d")]
    [InlineData("a = {{- index .Annotations \"otel-service-name\" -}} ,b", "a =web,b")]
    [InlineData("a = {{ index .Annotations \"otel-service-name\" }} ,b", "a = web ,b")]
    [InlineData("{{- index .Annotations \"otel-service-name\" }}/{{ index .Annotations \"otel-service-instance-id\" -}}", "web/0a1b2c3d")]
    public void The_annotation_forms_Aspire_emits_expand_with_Go_template_trimming(string value, string expected)
    {
        var unknown = new List<string>();

        Assert.Equal(expected, DcpTemplateExpander.Expand(value, Annotations, unknown.Add));
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("{{- portForServing \"api\" -}}")]
    [InlineData("{{- index .Annotations \"resource-name\" -}}")]
    [InlineData("{{.Names}}")]
    [InlineData("{{-index .Annotations \"otel-service-name\"}}")]
    public void Any_other_template_is_left_as_written_and_reported(string template)
    {
        var unknown = new List<string>();
        var value = $"x {template} {{{{ index .Annotations \"otel-service-name\" -}}}} y";

        var expanded = DcpTemplateExpander.Expand(value, Annotations, unknown.Add);

        Assert.Equal($"x {template} weby", expanded);
        Assert.Equal([template], unknown);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain value")]
    [InlineData("{ not a template }")]
    [InlineData("{{ unterminated")]
    public void A_value_without_a_template_is_unchanged(string value)
    {
        var unknown = new List<string>();

        Assert.Equal(value, DcpTemplateExpander.Expand(value, Annotations, unknown.Add));
        Assert.Empty(unknown);
    }
}
