using HotSpots.Modules.Workforce.Roster;
using HotSpots.Platform;

namespace HotSpots.Workforce.Tests;

public sealed class RosterCsvTests
{
    [Fact]
    public void The_header_is_read_without_case_or_spaces_and_in_any_order()
    {
        var rows = RosterCsv.Parse("\uFEFF Role ,TEAM, e mail ,Name,collar\r\nOfficer,Response A,a@force.example,PC Able,1001\r\n".Replace("e mail", "email"));
        rows.ShouldHaveSingleItem();
        rows[0].Row.ShouldBe(2);
        rows[0].Fields.ShouldBe(["a@force.example", "PC Able", "1001", "Response A", "Officer"]);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks_and_rows_are_counted_as_a_spreadsheet_does()
    {
        var rows = RosterCsv.Parse("email,name,collar,team,role\n\"a@force.example\",\"Able, \"\"Al\"\"\",1,\"Response\nA\",Officer\n\nb@force.example,PC Baker,2,B,Officer");
        rows.Count.ShouldBe(2);
        rows[0].Fields![1].ShouldBe("Able, \"Al\"");
        rows[0].Fields![3].ShouldBe("Response\nA");
        rows[1].Row.ShouldBe(4); // the blank row 3 is skipped but counted
        rows[1].Fields![0].ShouldBe("b@force.example");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_kept_with_its_count_for_the_plan_to_reject()
    {
        var rows = RosterCsv.Parse("email,name,collar,team,role\na@force.example,PC Able,1,Response A\n");
        rows.ShouldHaveSingleItem();
        (rows[0].Fields, rows[0].FieldCount).ShouldBe((null, 4));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("email,name,team,role\nx@y.z,A,T,Officer", "no collar column")]
    [InlineData("email,name,collar,team,role,rank\n", "does not know the column 'rank'")]
    [InlineData("email,name,collar,team,role,email\n", "names email more than once")]
    public void A_file_without_the_header_is_refused_whole_saying_why(string text, string expected)
    {
        var error = Should.Throw<ValidationException>(() => RosterCsv.Parse(text));
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_quote_never_closed_is_refused_with_its_row()
    {
        Should.Throw<ValidationException>(() => RosterCsv.Parse("email,name,collar,team,role\na@b.c,\"PC Able,1,T,Officer\n"))
            .Message.ShouldContain("Row 2");
    }
}
