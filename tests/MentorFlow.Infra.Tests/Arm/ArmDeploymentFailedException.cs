namespace MentorFlow.Infra.Tests.Arm;

/// <summary>The template called <c>fail()</c>: Azure Resource Manager would stop the deployment with this message.</summary>
public sealed class ArmDeploymentFailedException(string deploymentName, string message)
    : Exception($"Deployment '{deploymentName}' failed: {message}")
{
    /// <summary>The message the template gave <c>fail()</c>.</summary>
    public string TemplateMessage { get; } = message;
}
