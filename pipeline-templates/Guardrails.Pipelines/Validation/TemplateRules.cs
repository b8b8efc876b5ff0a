using Guardrails.Diagnostics;

namespace Guardrails.Pipelines.Validation;

/// <summary>
/// Configuration errors of the canary templates (GR50xx); the gate's own configuration errors are GR51xx.
/// The emitted plan steps report the same IDs when a caller passes a bad value at run time.
/// </summary>
public static class TemplateRules
{
    public static readonly Rule InvalidTrafficSteps =
        new("GR5001", "Traffic steps must be increasing whole percentages from 1 to 100 that end at 100");

    public static readonly Rule UnknownTrafficAdapter =
        new("GR5002", "The traffic adapter is not one of nginx, azure-app-service or script");

    public static readonly Rule InvalidBakeTime =
        new("GR5003", "The bake time must be a whole number of minutes from 0 to 360");

    public static readonly Rule InvalidGateSetting =
        new("GR5004", "A gate setting is out of range or not in the gate's format");

    public static readonly Rule InvalidTemplateVersion =
        new("GR5005", "The template version is not a semantic version");

    public static readonly Rule MissingAdapterSetting =
        new("GR5006", "The chosen traffic adapter is missing a setting it needs");

    public static readonly Rule InvalidKillSwitchSetting =
        new("GR5007", "The rollback's kill switch is missing a setting its provider needs, or has a wrong one");
}
