using System.Text.Json.Nodes;

namespace MentorFlow.Infra.Tests.Arm;

/// <summary>One evaluated template: the main template or a module (a nested deployment).</summary>
public sealed class ArmDeployment
{
    internal ArmDeployment(string name, string? resourceGroup, ArmDeployment? parent)
    {
        Name = name;
        ResourceGroup = resourceGroup;
        Parent = parent;
    }

    /// <summary>The deployment name: <c>main</c>, or the module's name (<c>functions</c>, <c>rbac</c>, …).</summary>
    public string Name { get; }

    /// <summary>The resource group it deploys into; null at subscription scope.</summary>
    public string? ResourceGroup { get; }

    public ArmDeployment? Parent { get; }

    /// <summary>Its own resources, without nested deployments.</summary>
    public List<ArmResource> Resources { get; } = [];

    /// <summary>Its modules.</summary>
    public List<ArmDeployment> Modules { get; } = [];

    /// <summary>Evaluated outputs by name.</summary>
    public JsonObject Outputs { get; } = [];

    /// <summary>Declared output types by name (<c>string</c>, <c>securestring</c>, …).</summary>
    public Dictionary<string, string> OutputTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values of its secure parameters (securestring/secureObject) as this deployment received them.</summary>
    public List<string> SecureParameterValues { get; } = [];

    /// <summary>This deployment and every module below it.</summary>
    public IEnumerable<ArmDeployment> AllDeployments => Modules.SelectMany(m => m.AllDeployments).Prepend(this);

    /// <summary>Every resource this deployment and its modules would deploy.</summary>
    public IEnumerable<ArmResource> AllResources => AllDeployments.SelectMany(d => d.Resources);

    /// <summary>The resources of a type, anywhere.</summary>
    public IEnumerable<ArmResource> OfType(string type) =>
        AllResources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The single resource of a type.</summary>
    public ArmResource Single(string type)
    {
        var found = OfType(type).ToList();
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"Expected one {type}, found {found.Count}.");
    }

    /// <summary>The resource with this id, anywhere.</summary>
    public ArmResource? FindById(string id) =>
        AllResources.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Name;
}
