using System.Diagnostics;

namespace Torch.Nn.Internal;

/// <summary>Graphviz's <c>dot</c>, run on DOT text to write an SVG picture.</summary>
internal static class Graphviz
{
    /// <summary>Writes <paramref name="svgPath"/>; null when done, else why not when Graphviz is missing (how to get it).
    /// Throws when <c>dot</c> itself fails.</summary>
    internal static string? Svg(string dot, string svgPath)
    {
        var psi = new ProcessStartInfo("dot", $"-Tsvg -o \"{svgPath}\"")
        { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        Process p;
        try { p = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            return "Graphviz's `dot` is not installed (apt-get install graphviz, or graphviz.org)";
        }
        using (p)
        {
            p.StandardInput.Write(dot);
            p.StandardInput.Close();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"Graphviz's dot failed: {err}");
        }
        return null;
    }
}
