"""A fronted 'For Reyna,' before a subject that is a clause ('For Scardina, losing these employees
represents a severe financial blow to his small business.' then '"...," he stated.', heldout31's
se05) tells the sentence from his side, as 'For Reyna, the raids were a disaster' already does, so
he is the one in view for the next pronoun (nlp/fronted_views.py, round 34).
The clause must leave no one else in view who could be that 'he' or 'she': a single person in it,
a name, a 'his' or 'her', someone acting or acted by. FICTIONAL people."""
import pytest


@pytest.mark.parametrize("text", [
    "For Reyna, losing his best roofer was a blow.\n“I will not come back,” he said.",
    "For Reyna, losing his son to deportation was unbearable.\n“I miss my father,” he said.",
    "For Okonkwo, losing her job at the plant was the end.\n“I had nowhere to go,” she said.",
    "For Reyna, telling him to leave was hard.\n“I understood,” he said.",
    "For Okonkwo, hiring the Ledger's reporter was a coup.\n“I start Monday,” she said.",
    "For Okonkwo, being arrested by an agent was unthinkable.\n“You are under arrest,” he said.",
    "For Reyna, losing Daniel Ortiz was a blow.\n“I will not come back,” he said.",
    "For Okonkwo, watching the sheriff arrest her neighbor was terrifying.\n“We did nothing wrong,” she said.",
    "For Okonkwo, losing these workers was a blow. Her neighbor, Ana Ruiz, agreed.\n“It hurts the whole street,” she said.",
    "Thanks to Okonkwo, keeping the shelter open was possible.\n“We owe her everything,” she said.",
])
def test_never_the_pronoun_when_someone_else_is_in_view(finder, said, text):
    assert not said(finder, text, "quote")


@pytest.mark.parametrize("text, leader, words", [
    ("For Reyna, losing these workers represents a severe blow to his small business.\n"
     "“It will be hard to replace them,” he said.", "tomas-reyna", "It will be hard to replace them"),
    ("For Reyna, keeping the crew together has become a full-time job.\n“I call them every night,” he said.",
     "tomas-reyna", "I call them every night"),
    ("For Okonkwo, losing these customers was a heavy blow.\n“We had no other way,” she said.",
     "mara-okonkwo", "We had no other way"),
])
def test_the_pronoun_after_her_side_of_it_is_hers(finder, said, text, leader, words):
    from onrecord.nlp.quotes import normalize_quote

    assert (leader, normalize_quote(words)) in said(finder, text, "quote")
