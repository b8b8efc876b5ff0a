namespace Guardrails.Pipelines.Yaml;

/// <summary>
/// A node of an emitted YAML document. The emitters build these trees in the order the file should read,
/// so the same model always produces the same bytes.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode()
    {
    }
}
