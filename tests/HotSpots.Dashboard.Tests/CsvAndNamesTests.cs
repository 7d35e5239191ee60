using HotSpots.Modules.Dashboard.Exports;
using HotSpots.Modules.Dashboard.Leaderboards;

namespace HotSpots.Dashboard.Tests;

public sealed class CsvAndNamesTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 118", "'+44 118")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Friar Street, Reading", "\"Friar Street, Reading\"")]
    [InlineData("Friar Street", "Friar Street")]
    [InlineData("", "")]
    public void Csv_cells_cannot_become_formulas(string value, string expected) => CsvCell.Text(value).ShouldBe(expected);

    [Theory]
    [InlineData("PC Priya Shah", "P. S.")]
    [InlineData("alex", "A.")]
    [InlineData("  Sgt  Jo Patel ", "J. P.")]
    [InlineData("Det. Insp Ada Lane", "A. L.")]
    [InlineData("PC", "P.")]
    public void Initials_keep_only_the_first_letters_of_the_name_without_the_rank(string name, string expected) => LeaderboardQuery.Initials(name).ShouldBe(expected);
}
