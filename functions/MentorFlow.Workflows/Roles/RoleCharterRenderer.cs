using System.Net;
using System.Text;
using MentorFlow.Workflows.Definitions;

namespace MentorFlow.Workflows.Roles;

/// <summary>
/// Renders the role charter every later invitation carries: each role with its responsibilities,
/// as HTML (every value encoded) and as plain text.
/// </summary>
public static class RoleCharterRenderer
{
    /// <summary>Renders the roles in the order of <see cref="ProgramRoles.All"/>, then any others as given.</summary>
    public static RoleCharter Render(string programName, IReadOnlyList<RoleDefinition> roles)
    {
        ArgumentNullException.ThrowIfNull(programName);
        ArgumentNullException.ThrowIfNull(roles);

        var ordered = roles
            .OrderBy(r => IndexOf(r.Role))
            .ToList();

        var html = new StringBuilder();
        html.Append("<section class=\"role-charter\">\n");
        html.Append("<h2>Roles and responsibilities — ").Append(WebUtility.HtmlEncode(programName)).Append("</h2>\n");
        foreach (var role in ordered)
        {
            html.Append("<h3>").Append(WebUtility.HtmlEncode(Describe(role.Role))).Append("</h3>\n<ul>\n");
            foreach (var responsibility in role.Responsibilities)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(responsibility)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");

        var text = new StringBuilder();
        text.Append("Roles and responsibilities — ").Append(programName).Append('\n');
        foreach (var role in ordered)
        {
            text.Append('\n').Append(Describe(role.Role)).Append('\n');
            foreach (var responsibility in role.Responsibilities)
            {
                text.Append("  - ").Append(responsibility).Append('\n');
            }
        }

        return new RoleCharter(ordered, html.ToString(), text.ToString());
    }

    /// <summary>The role's name as a person reads it ("ProgramManager" → "Program manager").</summary>
    public static string Describe(string role) => role switch
    {
        ProgramRoles.ProgramManager => "Program manager",
        ProgramRoles.SalesLeader => "Sales leader",
        _ => role,
    };

    private static int IndexOf(string role)
    {
        var index = ProgramRoles.All.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }
}
