"""Short sentences written for the summit rule tests, parsed by hand: one token a line,
``word head dep pos tag lemma [ent]`` (see ``tests/support/hand_docs.py``). Each parse was
checked against what the English pipeline gives for the sentence; where a rule reads a
construction the parser produces only sometimes, the comment says what was changed."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def token(doc: Doc, word: str) -> Token:
    """The first token of ``doc`` spelled ``word``."""
    return next(t for t in doc if t.text == word)


# Macron's visit ended.
MACRONS_VISIT = """
Macron  2  poss   PROPN  NNP  macron  B-PERSON
's      0  case   PART   POS  's
visit   3  nsubj  NOUN   NN   visit
ended   3  ROOT   VERB   VBD  end
.       3  punct  PUNCT  .    .
"""

# The Lima meeting ended.
LIMA_MEETING = """
The      2  det       DET    DT   the
Lima     2  compound  PROPN  NNP  lima     B-GPE
meeting  3  nsubj     NOUN   NN   meeting
ended    3  ROOT      VERB   VBD  end
.        3  punct     PUNCT  .    .
"""

# A French visit ended.
FRENCH_VISIT = """
A       2  det    DET    DT   a
French  2  amod   ADJ    JJ   french  B-NORP
visit   3  nsubj  NOUN   NN   visit
ended   3  ROOT   VERB   VBD  end
.       3  punct  PUNCT  .    .
"""

# Talks between Chile and Peru ended.
TALKS_BETWEEN = """
Talks    5  nsubj  NOUN   NNS  talk
between  0  prep   ADP    IN   between
Chile    1  pobj   PROPN  NNP  chile    B-GPE
and      2  cc     CCONJ  CC   and
Peru     2  conj   PROPN  NNP  peru     B-GPE
ended    5  ROOT   VERB   VBD  end
.        5  punct  PUNCT  .    .
"""

# A meeting in Lima ended.
MEETING_IN_LIMA = """
A        1  det    DET    DT   a
meeting  4  nsubj  NOUN   NN   meeting
in       1  prep   ADP    IN   in
Lima     2  pobj   PROPN  NNP  lima     B-GPE
ended    4  ROOT   VERB   VBD  end
.        4  punct  PUNCT  .    .
"""

# Scholz began a visit to Beijing.
VISIT_TO_BEIJING = """
Scholz   1  nsubj  PROPN  NNP  scholz   B-PERSON
began    1  ROOT   VERB   VBD  begin
a        3  det    DET    DT   a
visit    1  dobj   NOUN   NN   visit
to       3  prep   ADP    IN   to
Beijing  4  pobj   PROPN  NNP  beijing  B-GPE
.        1  punct  PUNCT  .    .
"""

# Talks on Ukraine's membership of the European Union resumed.
MEMBERSHIP_TALKS = """
Talks       9  nsubj     NOUN   NNS  talk
on          0  prep      ADP    IN   on
Ukraine     4  poss      PROPN  NNP  ukraine     B-GPE
's          2  case      PART   POS  's
membership  1  pobj      NOUN   NN   membership
of          4  prep      ADP    IN   of
the         8  det       DET    DT   the
European    8  compound  PROPN  NNP  european    B-ORG
Union       5  pobj      PROPN  NNP  union       I-ORG
resumed     9  ROOT      VERB   VBD  resume
.           9  punct     PUNCT  .    .
"""

# In Lima, his visit here ended.
VISIT_HERE = """
In     6  prep    ADP    IN    in
Lima   0  pobj    PROPN  NNP   lima   B-GPE
,      6  punct   PUNCT  ,     ,
his    4  poss    PRON   PRP$  his
visit  6  nsubj   NOUN   NN    visit
here   4  advmod  ADV    RB    here
ended  6  ROOT    VERB   VBD   end
.      6  punct   PUNCT  .     .
"""

# Scholz visited Beijing.
VISITED_BEIJING = """
Scholz   1  nsubj  PROPN  NNP  scholz   B-PERSON
visited  1  ROOT   VERB   VBD  visit
Beijing  1  dobj   PROPN  NNP  beijing  B-GPE
.        1  punct  PUNCT  .    .
"""

# The deal follows a visit to Hanoi by Janet Yellen. ("by" hung on the verb, as the parser
# often does.)
VISIT_BY_ON_VERB = """
The      1  det       DET    DT   the
deal     2  nsubj     NOUN   NN   deal
follows  2  ROOT      VERB   VBZ  follow
a        4  det       DET    DT   a
visit    2  dobj      NOUN   NN   visit
to       4  prep      ADP    IN   to
Hanoi    5  pobj      PROPN  NNP  hanoi   B-GPE
by       2  prep      ADP    IN   by
Janet    9  compound  PROPN  NNP  janet   B-PERSON
Yellen   7  pobj      PROPN  NNP  yellen  I-PERSON
.        2  punct     PUNCT  .    .
"""

# Antony Blinken, speaking at a joint news conference with Wang Yi, smiled.
CONFERENCE_WITH = """
Antony      1   compound  PROPN  NNP  antony      B-PERSON
Blinken     13  nsubj     PROPN  NNP  blinken     I-PERSON
,           1   punct     PUNCT  ,    ,
speaking    1   acl       VERB   VBG  speak
at          3   prep      ADP    IN   at
a           8   det       DET    DT   a
joint       8   amod      ADJ    JJ   joint
news        8   compound  NOUN   NN   news
conference  4   pobj      NOUN   NN   conference
with        8   prep      ADP    IN   with
Wang        11  compound  PROPN  NNP  wang        B-PERSON
Yi          9   pobj      PROPN  NNP  yi          I-PERSON
,           1   punct     PUNCT  ,    ,
smiled      13  ROOT      VERB   VBD  smile
.           13  punct     PUNCT  .    .
"""

# Brian Mulroney held talks with Ronald Reagan.
HELD_TALKS_WITH = """
Brian     1  compound  PROPN  NNP  brian     B-PERSON
Mulroney  2  nsubj     PROPN  NNP  mulroney  I-PERSON
held      2  ROOT      VERB   VBD  hold
talks     2  dobj      NOUN   NNS  talk
with      3  prep      ADP    IN   with
Ronald    6  compound  PROPN  NNP  ronald    B-PERSON
Reagan    4  pobj      PROPN  NNP  reagan    I-PERSON
.         2  punct     PUNCT  .    .
"""

# Joe Biden is due to meet Narendra Modi.
DUE_TO_MEET = """
Joe       1  compound  PROPN  NNP  joe       B-PERSON
Biden     2  nsubj     PROPN  NNP  biden     I-PERSON
is        2  ROOT      AUX    VBZ  be
due       2  acomp     ADJ    JJ   due
to        5  aux       PART   TO   to
meet      3  xcomp     VERB   VB   meet
Narendra  7  compound  PROPN  NNP  narendra  B-PERSON
Modi      5  dobj      PROPN  NNP  modi      I-PERSON
.         2  punct     PUNCT  .    .
"""

# Mr Jack Straw, visiting Beijing, spoke.
VISITING_PARTICIPLE = """
Mr        2  compound  PROPN  NNP  mr
Jack      2  compound  PROPN  NNP  jack     B-PERSON
Straw     7  nsubj     PROPN  NNP  straw    I-PERSON
,         2  punct     PUNCT  ,    ,
visiting  2  acl       VERB   VBG  visit
Beijing   4  dobj      PROPN  NNP  beijing  B-GPE
,         7  punct     PUNCT  ,    ,
spoke     7  ROOT      VERB   VBD  speak
.         7  punct     PUNCT  .    .
"""

# Emmanuel Macron accepted Joe Biden's invitation to visit Washington.
INVITATION_TO_VISIT = """
Emmanuel    1  compound  PROPN  NNP  emmanuel    B-PERSON
Macron      2  nsubj     PROPN  NNP  macron      I-PERSON
accepted    2  ROOT      VERB   VBD  accept
Joe         4  compound  PROPN  NNP  joe         B-PERSON
Biden       6  poss      PROPN  NNP  biden       I-PERSON
's          4  case      PART   POS  's
invitation  2  dobj      NOUN   NN   invitation
to          8  aux       PART   TO   to
visit       6  acl       VERB   VB   visit
Washington  8  dobj      PROPN  NNP  washington  B-GPE
.           2  punct     PUNCT  .    .
"""

# Emmanuel Macron will meet Narendra Modi.
WILL_MEET = """
Emmanuel  1  compound  PROPN  NNP  emmanuel  B-PERSON
Macron    3  nsubj     PROPN  NNP  macron    I-PERSON
will      3  aux       AUX    MD   will
meet      3  ROOT      VERB   VB   meet
Narendra  5  compound  PROPN  NNP  narendra  B-PERSON
Modi      3  dobj      PROPN  NNP  modi      I-PERSON
.         3  punct     PUNCT  .    .
"""

# Joe Biden and Xi Jinping met in Geneva.
MET_IN_GENEVA = """
Joe      1  compound  PROPN  NNP  joe      B-PERSON
Biden    5  nsubj     PROPN  NNP  biden    I-PERSON
and      1  cc        CCONJ  CC   and
Xi       4  compound  PROPN  NNP  xi       B-PERSON
Jinping  1  conj      PROPN  NNP  jinping  I-PERSON
met      5  ROOT      VERB   VBD  meet
in       5  prep      ADP    IN   in
Geneva   6  pobj      PROPN  NNP  geneva   B-GPE
.        5  punct     PUNCT  .    .
"""

# Joe Biden extended an invitation for Xi Jinping to make a state visit. ("make" hung on
# the invitation)
INVITATION_TO_MAKE = """
Joe         1   compound  PROPN  NNP  joe         B-PERSON
Biden       2   nsubj     PROPN  NNP  biden       I-PERSON
extended    2   ROOT      VERB   VBD  extend
an          4   det       DET    DT   an
invitation  2   dobj      NOUN   NN   invitation
for         4   prep      ADP    IN   for
Xi          7   compound  PROPN  NNP  xi          B-PERSON
Jinping     5   pobj      PROPN  NNP  jinping     I-PERSON
to          9   aux       PART   TO   to
make        4   acl       VERB   VB   make
a           12  det       DET    DT   a
state       12  compound  NOUN   NN   state
visit       9   dobj      NOUN   NN   visit
.           2   punct     PUNCT  .    .
"""

# Brian Mulroney held discussions with Ronald Reagan.
HELD_DISCUSSIONS = """
Brian        1  compound  PROPN  NNP  brian       B-PERSON
Mulroney     2  nsubj     PROPN  NNP  mulroney    I-PERSON
held         2  ROOT      VERB   VBD  hold
discussions  2  dobj      NOUN   NNS  discussion
with         3  prep      ADP    IN   with
Ronald       6  compound  PROPN  NNP  ronald      B-PERSON
Reagan       4  pobj      PROPN  NNP  reagan      I-PERSON
.            2  punct     PUNCT  .    .
"""

# The next meeting will be in May.
NEXT_MEETING = """
The      2  det    DET    DT   the
next     2  amod   ADJ    JJ   next
meeting  4  nsubj  NOUN   NN   meeting
will     4  aux    AUX    MD   will
be       4  ROOT   AUX    VB   be
in       4  prep   ADP    IN   in
May      5  pobj   PROPN  NNP  may      B-DATE
.        4  punct  PUNCT  .    .
"""

# Joe Biden told Xi Jinping about the conversation.
ABOUT_THE_CONVERSATION = """
Joe           1  compound  PROPN  NNP  joe           B-PERSON
Biden         2  nsubj     PROPN  NNP  biden         I-PERSON
told          2  ROOT      VERB   VBD  tell
Xi            4  compound  PROPN  NNP  xi            B-PERSON
Jinping       2  dobj      PROPN  NNP  jinping       I-PERSON
about         2  prep      ADP    IN   about
the           7  det       DET    DT   the
conversation  5  pobj      NOUN   NN   conversation
.             2  punct     PUNCT  .    .
"""

# In Ottawa, officials discussed talks with the United States.
TALKS_WITH_A_STATE = """
In         4  prep      ADP    IN   in
Ottawa     0  pobj      PROPN  NNP  ottawa    B-GPE
,          4  punct     PUNCT  ,    ,
officials  4  nsubj     NOUN   NNS  official
discussed  4  ROOT      VERB   VBD  discuss
talks      4  dobj      NOUN   NNS  talk
with       5  prep      ADP    IN   with
the        9  det       DET    DT   the
United     9  compound  PROPN  NNP  united    B-GPE
States     6  pobj      PROPN  NNP  states    I-GPE
.          4  punct     PUNCT  .    .
"""

# Joe Biden made a call for calm.
CALL_FOR_CALM = """
Joe    1  compound  PROPN  NNP  joe    B-PERSON
Biden  2  nsubj     PROPN  NNP  biden  I-PERSON
made   2  ROOT      VERB   VBD  make
a      4  det       DET    DT   a
call   2  dobj      NOUN   NN   call
for    4  prep      ADP    IN   for
calm   5  pobj      NOUN   NN   calm
.      2  punct     PUNCT  .    .
"""

# Joe Biden had a phone call with Xi Jinping.
PHONE_CALL_WITH = """
Joe      1  compound  PROPN  NNP  joe      B-PERSON
Biden    2  nsubj     PROPN  NNP  biden    I-PERSON
had      2  ROOT      VERB   VBD  have
a        5  det       DET    DT   a
phone    5  compound  NOUN   NN   phone
call     2  dobj      NOUN   NN   call
with     5  prep      ADP    IN   with
Xi       8  compound  PROPN  NNP  xi       B-PERSON
Jinping  6  pobj      PROPN  NNP  jinping  I-PERSON
.        2  punct     PUNCT  .    .
"""

# They discussed the call.
DISCUSSED_THE_CALL = """
They       1  nsubj  PRON   PRP  they
discussed  1  ROOT   VERB   VBD  discuss
the        3  det    DET    DT   the
call       1  dobj   NOUN   NN   call
.          1  punct  PUNCT  .    .
"""

# Joe Biden welcomed the talk.
THE_TALK = """
Joe       1  compound  PROPN  NNP  joe      B-PERSON
Biden     2  nsubj     PROPN  NNP  biden    I-PERSON
welcomed  2  ROOT      VERB   VBD  welcome
the       4  det       DET    DT   the
talk      2  dobj      NOUN   NN   talk
.         2  punct     PUNCT  .    .
"""

# The plan met a cool reception.
COOL_RECEPTION = """
The        1  det    DET    DT   the
plan       2  nsubj  NOUN   NN   plan
met        2  ROOT   VERB   VBD  meet
a          5  det    DET    DT   a
cool       5  amod   ADJ    JJ   cool
reception  2  dobj   NOUN   NN   reception
.          2  punct  PUNCT  .    .
"""

# The criteria were met.
CRITERIA_MET = """
The       1  det        DET    DT   the
criteria  3  nsubjpass  NOUN   NNS  criterion
were      3  auxpass    AUX    VBD  be
met       3  ROOT       VERB   VBN  meet
.         3  punct      PUNCT  .    .
"""

# Joe Biden met Xi Jinping.
MET = """
Joe      1  compound  PROPN  NNP  joe      B-PERSON
Biden    2  nsubj     PROPN  NNP  biden    I-PERSON
met      2  ROOT      VERB   VBD  meet
Xi       4  compound  PROPN  NNP  xi       B-PERSON
Jinping  2  dobj      PROPN  NNP  jinping  I-PERSON
.        2  punct     PUNCT  .    .
"""

# The planned summit opened.
PLANNED_SUMMIT = """
The      2  det    DET    DT   the
planned  2  amod   VERB   VBN  plan
summit   3  nsubj  NOUN   NN   summit
opened   3  ROOT   VERB   VBD  open
.        3  punct  PUNCT  .    .
"""

# Joe Biden meets Xi Jinping.
MEETS = """
Joe      1  compound  PROPN  NNP  joe      B-PERSON
Biden    2  nsubj     PROPN  NNP  biden    I-PERSON
meets    2  ROOT      VERB   VBZ  meet
Xi       4  compound  PROPN  NNP  xi       B-PERSON
Jinping  2  dobj      PROPN  NNP  jinping  I-PERSON
.        2  punct     PUNCT  .    .
"""

# The summit in May.
SUMMIT_IN_MAY = """
The     1  det    DET    DT   the
summit  1  ROOT   NOUN   NN   summit
in      1  prep   ADP    IN   in
May     2  pobj   PROPN  NNP  may     B-DATE
.       1  punct  PUNCT  .    .
"""

# Talks on trade.
TALKS_ON_TRADE = """
Talks  0  ROOT   NOUN   NNS  talk
on     0  prep   ADP    IN   on
trade  1  pobj   NOUN   NN   trade
.      0  punct  PUNCT  .    .
"""

# A deal could come when leaders gather for a summit.
WHEN_LEADERS_GATHER = """
A        1  det     DET    DT   a
deal     3  nsubj   NOUN   NN   deal
could    3  aux     AUX    MD   could
come     3  ROOT    VERB   VB   come
when     6  advmod  SCONJ  WRB  when
leaders  6  nsubj   NOUN   NNS  leader
gather   3  advcl   VERB   VBP  gather
for      6  prep    ADP    IN   for
a        9  det     DET    DT   a
summit   7  pobj    NOUN   NN   summit
.        3  punct   PUNCT  .    .
"""

# Joe Biden met Xi Jinping on Friday.
MET_ON_FRIDAY = """
Joe      1  compound  PROPN  NNP  joe      B-PERSON
Biden    2  nsubj     PROPN  NNP  biden    I-PERSON
met      2  ROOT      VERB   VBD  meet
Xi       4  compound  PROPN  NNP  xi       B-PERSON
Jinping  2  dobj      PROPN  NNP  jinping  I-PERSON
on       2  prep      ADP    IN   on
Friday   5  pobj      PROPN  NNP  friday   B-DATE
.        2  punct     PUNCT  .    .
"""

# Joe Biden met Xi Jinping. Talks between the two leaders ended.
TWO_LEADERS = """
Joe      1   compound  PROPN  NNP  joe      B-PERSON
Biden    2   nsubj     PROPN  NNP  biden    I-PERSON
met      2   ROOT      VERB   VBD  meet
Xi       4   compound  PROPN  NNP  xi       B-PERSON
Jinping  2   dobj      PROPN  NNP  jinping  I-PERSON
.        2   punct     PUNCT  .    .
Talks    11  nsubj     NOUN   NNS  talk
between  6   prep      ADP    IN   between
the      10  det       DET    DT   the
two      10  nummod    NUM    CD   two
leaders  7   pobj      NOUN   NNS  leader
ended    11  ROOT      VERB   VBD  end
.        11  punct     PUNCT  .    .
"""

# The G20 summit opened. (the tagger missed the name: no entity)
G20_SUMMIT = """
The     2  det       DET    DT   the
G20     2  compound  PROPN  NNP  g20
summit  3  nsubj     NOUN   NN   summit
opened  3  ROOT      VERB   VBD  open
.       3  punct     PUNCT  .    .
"""

# The Chile visit ended.
CHILE_VISIT = """
The    2  det       DET    DT   the
Chile  2  compound  PROPN  NNP  chile  B-GPE
visit  3  nsubj     NOUN   NN   visit
ended  3  ROOT      VERB   VBD  end
.      3  punct     PUNCT  .    .
"""

# Brian Mulroney met with Ronald Reagan.
MET_WITH = """
Brian     1  compound  PROPN  NNP  brian     B-PERSON
Mulroney  2  nsubj     PROPN  NNP  mulroney  I-PERSON
met       2  ROOT      VERB   VBD  meet
with      2  prep      ADP    IN   with
Ronald    5  compound  PROPN  NNP  ronald    B-PERSON
Reagan    3  pobj      PROPN  NNP  reagan    I-PERSON
.         2  punct     PUNCT  .    .
"""
