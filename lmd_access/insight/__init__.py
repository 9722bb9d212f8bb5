"""Insight for the people who run the programme: facilitators (course staff), national
coordinators and the Secretariat. Learner results come through one adapter (source.py): in Open
edX from the platform's own records (openedx.py), in the demo from the workbench's state rows
(lmd_demo.insight_results); everything else here is plain computation over what it returns."""
