using System.Text.Json.Nodes;

namespace MentorFlow.Infra.Tests.Arm;

/// <summary>A resource a template would deploy (its condition held), with every expression evaluated.</summary>
/// <param name="Type">e.g. <c>Microsoft.Web/sites</c>.</param>
/// <param name="Name">Its full name, e.g. <c>kv-x/sendgrid-api-key</c> for a child.</param>
/// <param name="Id">Its resource id (for extension resources, relative to <see cref="Scope"/>).</param>
/// <param name="Scope">The <c>scope</c> of an extension resource such as a role assignment; null otherwise.</param>
/// <param name="Deployment">The template (main or module) that declares it.</param>
/// <param name="Body">The evaluated resource declaration.</param>
public sealed record ArmResource(string Type, string Name, string Id, string? Scope, ArmDeployment Deployment, JsonObject Body)
{
    /// <summary>The evaluated <c>properties</c> object.</summary>
    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    /// <summary>A string property by path, e.g. <c>siteConfig.minTlsVersion</c>; null when absent.</summary>
    public JsonNode? Property(string path)
    {
        JsonNode? node = Properties;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    public override string ToString() => $"{Type} {Name}";
}
