namespace Guardrails.Pipelines.GitHub;

/// <summary>A third-party action referenced by a full commit SHA, with the release it was tagged as.</summary>
public sealed record PinnedAction(string Repository, string Sha, string Release)
{
    /// <summary>
    /// actions/checkout v4.2.2. Each SHA below is the release commit of its tag as found in many public
    /// repositories' workflows and pinning tables, which pair the same SHA with the same release comment
    /// (for example <c>uses: actions/checkout@11bd719… # v4.2.2</c>). Update them together, by release.
    /// </summary>
    public static PinnedAction Checkout { get; } = new("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "v4.2.2");

    public static PinnedAction SetupDotnet { get; } = new("actions/setup-dotnet", "67a3573c9a986a3f9c594539f4ab511d57bb3ce9", "v4.3.1");

    public static PinnedAction UploadArtifact { get; } = new("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2");

    public static PinnedAction DownloadArtifact { get; } = new("actions/download-artifact", "d3f86a106a0bac45b974a628896c90dbdf5c8093", "v4.3.0");

    public string Reference => Repository + "@" + Sha;
}
