using System.ComponentModel.DataAnnotations;
using HotSpots.Modules.Tasking.Contracts;
using HotSpots.Platform;
using HotSpots.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HotSpots.Web.Pages.Trials;

/// <summary>Trials: the list, and a new trial on the published spots with its whole schedule generated at once.</summary>
[Authorize(Policy = Policies.Trials)]
public sealed class IndexModel(ITrials trials, ITaskingModule tasking, ForceOptions force, TimeProvider clock) : PageModel
{
    public IReadOnlyList<TrialView> Trials { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public NewTrial Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var targets = await tasking.GetDoseTargetsAsync(cancellationToken);
        Input = new NewTrial
        {
            FirstDay = force.PoliceDay(clock.GetUtcNow().UtcDateTime).AddDays(1),
            MinutesPerVisit = targets.MinutesPerVisit, VisitsPerDay = targets.VisitsPerDay, DailyCapMinutes = targets.DailyCapMinutes,
        };
        Trials = await trials.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var trial = await trials.CreateAsync(new TrialRequest(Input.Name, Input.Design, Input.TreatmentShare, Input.FirstDay, Input.Days,
                    Input.BlockSize, Input.Seed, new DoseTargets(Input.MinutesPerVisit, Input.VisitsPerDay, Input.DailyCapMinutes)),
                    User.SignInName(), cancellationToken);
                return RedirectToPage("/Trials/Details", new { trialId = trial.Id });
            }
            catch (TrialRefusedException e)
            {
                Error = e.Message;
            }
        }
        else
        {
            Error = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        }
        Trials = await trials.ListAsync(cancellationToken);
        return Page();
    }

    public sealed class NewTrial
    {
        [Required, StringLength(100)] public string Name { get; set; } = "";
        public TrialDesign Design { get; set; } = TrialDesign.DailyPlaceDays;
        [Range(0.01, 0.99)] public double TreatmentShare { get; set; } = 0.5;
        public DateOnly FirstDay { get; set; }
        [Range(1, 730)] public int Days { get; set; } = 28;
        [Range(2, 20)] public int BlockSize { get; set; } = 2;
        public long? Seed { get; set; }
        [Range(1, 240)] public double MinutesPerVisit { get; set; } = 15;
        [Range(1, 48)] public int VisitsPerDay { get; set; } = 3;
        [Range(1, 1440)] public double DailyCapMinutes { get; set; } = 90;
    }
}
