namespace MentorFlow.Workflows.Definitions;

/// <summary>
/// A validated mentoring program as HR defined it. Built only by <see cref="ProgramDefinitionParser"/>
/// (or read back with <see cref="ProgramDefinitionJson"/>); the JSON names are these names in camelCase.
/// </summary>
/// <param name="Name">The program's name, e.g. "Sales Leadership Mentoring 2027".</param>
/// <param name="Purpose">Why the program exists.</param>
/// <param name="Scope">What the program covers and what it does not.</param>
/// <param name="TargetPopulation">Who the program is for.</param>
/// <param name="LearningOutcomes">What mentees should be able to do afterwards, each with its measure.</param>
/// <param name="Benefits">What the business and participants gain.</param>
/// <param name="ProgramManager">The person who runs the program.</param>
/// <param name="Sponsor">The executive who owns the program.</param>
/// <param name="Roles">The five roles and their responsibilities.</param>
/// <param name="Criteria">How mentees and mentors are chosen.</param>
/// <param name="Approvals">How long approvers have and what happens when they do not answer.</param>
/// <param name="Sponsorship">The sales leaders who endorse the program; empty when none were named.</param>
/// <param name="Pilot">The pilot stage.</param>
/// <param name="Rollout">The full rollout stage.</param>
/// <param name="Matching">Weights of the <see cref="MatchingFactors"/>; empty when not given.</param>
/// <param name="Stories">When success stories are requested.</param>
public sealed record ProgramDefinition(
    string Name,
    string Purpose,
    string Scope,
    TargetPopulation TargetPopulation,
    IReadOnlyList<LearningOutcome> LearningOutcomes,
    IReadOnlyList<string> Benefits,
    Person ProgramManager,
    Person Sponsor,
    IReadOnlyList<RoleDefinition> Roles,
    CriteriaDefinition Criteria,
    ApprovalPolicy Approvals,
    SponsorshipDefinition Sponsorship,
    PilotDefinition Pilot,
    RolloutDefinition Rollout,
    IReadOnlyDictionary<string, double> Matching,
    StoriesDefinition Stories);
