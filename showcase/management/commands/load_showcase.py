from showcase.services import showcase_load
from sistercities.commands import PortalCommand
from sistercities.services import Outcome


class Command(PortalCommand):
    help = (
        "Load the real Osmangazi–Kapchagay record: the cities, their sister-city relationship "
        "and protocol, and the visit of 24 August 2019. Running it again changes nothing."
    )

    def handle(self, *args, **options):
        tally = showcase_load()
        for label, outcomes in tally.items():
            counts = ", ".join(f"{outcomes[o]} {o.label}" for o in Outcome if outcomes[o])
            self.stdout.write(f"{label}: {counts}")
        changed = sum(
            count
            for outcomes in tally.values()
            for outcome, count in outcomes.items()
            if outcome != Outcome.UNCHANGED
        )
        style = self.style.SUCCESS if changed else self.style.NOTICE
        self.stdout.write(style(f"Showcase loaded: {changed} rows created or updated."))
