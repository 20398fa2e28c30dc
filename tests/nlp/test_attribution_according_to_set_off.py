"""'According to X' set off after the subject ('Their silence, according to X, a former executive,
is a mistake.'), then '"...," he told a newspaper.' in the next paragraph (round 27 of issue 11,
heldout26's rz02): the sentence is X's report as much as a fronted 'According to X, ...' (round 20),
so X is the one in view for the next pronoun. Each form on a FICTIONAL sentence with the guards beside
it; every person and company here is invented."""

# `finder` reads the two FICTIONAL leaders of tests/nlp/conftest.py (Okonkwo and Reyna).


def test_according_to_her_after_the_subject_makes_her_the_next_she(finder, said):
    text = ("Their silence, according to Mara Okonkwo, a former executive of Lumenfold, is a mistake.\n\n"
            '"A lot of them are very quiet and it is not a good time to be quiet," she told the Eastmere Ledger.')
    assert said(finder, text, "quote") == {
        ("mara-okonkwo", "a lot of them are very quiet and it is not a good time to be quiet")}


def test_according_to_him_after_a_plain_subject(finder, said):
    text = ('The raids, according to Tomas Reyna, have emptied the yard. "Nobody comes to work," he said.')
    assert said(finder, text, "quote") == {("tomas-reyna", "nobody comes to work")}


# --- must never -----------------------------------------------------------------------------------

def test_someone_elses_his_in_the_subject_keeps_the_he_in_doubt(finder, said):
    # 'his arrest' is another man's: he may be the one who speaks next
    text = ('His arrest, according to Tomas Reyna, was a mistake. "I was at work when they came," he said.')
    assert said(finder, text, "quote") == set()


def test_a_person_as_the_subject_is_not_her(finder, said):
    text = ('The workers, according to Mara Okonkwo, are afraid. "We stay home now," she said.')
    assert said(finder, text, "quote") == set()


def test_for_her_after_the_subject_is_not_her_side(finder, said):
    # only 'according to' is a report; 'for' after the subject is who benefits
    text = ('The shelter stayed open for Mara Okonkwo. "We had nowhere else to go," she said.')
    assert said(finder, text, "quote") == set()


def test_a_named_person_in_the_subject_is_not_her(finder, said):
    text = ("Delia Ruiz's arrest, according to Mara Okonkwo, was a mistake. "
            '"They took her at the gate," she said.')
    assert said(finder, text, "quote") == set()


# --- 'according to X, <who she is>' at the end (heldout42's sp01) ----------------------------------

CEO = "the chief executive officer of Lumenfold"


def test_according_to_her_with_who_she_is_after_her_name(finder, said):
    quoted = f"A number of kitchen workers were “apprehended,” according to Mara Okonkwo, {CEO}."
    plain = f"A number of kitchen workers were apprehended, according to Mara Okonkwo, {CEO}."
    assert said(finder, quoted, "quote") == {("mara-okonkwo", "apprehended")}
    assert said(finder, plain, "paraphrase") == {("mara-okonkwo", "a number of kitchen workers were apprehended")}


def test_according_to_her_and_others_beside_her_name_is_not_hers(finder, said):
    for text in ("A number of kitchen workers were apprehended, according to Mara Okonkwo, the mayor and the sheriff.",
                 "A number of kitchen workers were “apprehended,” according to Okonkwo, Linda Chow and the sheriff.",
                 f"A number of kitchen workers were apprehended, according to a lawyer for Mara Okonkwo, {CEO}."):
        assert said(finder, text) == set(), text
