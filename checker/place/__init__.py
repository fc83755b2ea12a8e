"""Placement: once the whole story is read, what each claim is about and when it holds.

Stage four of the pipeline (after reading, dating and extraction; before
comparison). Each module is a set of pure functions of the story's claims:

- :mod:`~checker.place.happenings`: the story's onset, other happenings
  (background), fixed facts of the setting, attackers and hostages;
- :mod:`~checker.place.tolls`: when the dead and injured count (a siege's end,
  a settled toll) and who the victims are;
- :mod:`~checker.place.moments`: days told with no event word, the end of a siege;
- :mod:`~checker.place.ages`: whose age each age is;
- :mod:`~checker.place.groups`: bare counts of a group take the story's frame for it;
- :mod:`~checker.place.scopes`: which places are the story's own.
"""
