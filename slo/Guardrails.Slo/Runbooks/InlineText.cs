using System.Text;
using Markdig.Syntax.Inlines;

namespace Guardrails.Slo.Runbooks;

/// <summary>The text a reader sees in a run of Markdown inlines, without emphasis or link syntax.</summary>
internal static class InlineText
{
    public static string Of(ContainerInline? container)
    {
        var text = new StringBuilder();
        Append(container, text);
        return text.ToString().Trim();
    }

    private static void Append(ContainerInline? container, StringBuilder text)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline nested:
                    Append(nested, text);
                    break;
                default:
                    break;
            }
        }
    }
}
