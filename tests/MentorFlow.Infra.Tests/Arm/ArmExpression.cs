namespace MentorFlow.Infra.Tests.Arm;

/// <summary>A parsed ARM template language expression (the text between <c>[</c> and <c>]</c>).</summary>
public abstract record ArmExpression;

/// <summary>A string or integer literal.</summary>
public sealed record ArmLiteral(object Value) : ArmExpression;

/// <summary>A function call, e.g. <c>format('{0}', parameters('x'))</c>.</summary>
public sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

/// <summary>A property access, e.g. <c>reference(...).outputs</c>.</summary>
public sealed record ArmMember(ArmExpression Target, string Name) : ArmExpression;

/// <summary>An index access, e.g. <c>variables('roles')['owner']</c>.</summary>
public sealed record ArmIndex(ArmExpression Target, ArmExpression Index) : ArmExpression;
