"""What needs the whole report: parties named before, references back, places, dates, claimants, the records."""
