"""Hand parses of short sentences written for the policy rule tests.

One token a line: ``word head dep pos tag lemma [ent]`` (see ``tests/support/hand_docs.py``).
"""

TARIFFS_ON_COPPER = """
Peru 1 nsubj PROPN NNP Peru B-GPE
imposed 1 ROOT VERB VBD impose
tariffs 1 dobj NOUN NNS tariff
on 2 prep ADP IN on
Chilean 5 amod ADJ JJ chilean B-NORP
copper 3 pobj NOUN NN copper
. 1 punct PUNCT . .
"""

BAN_ON_TIMBER_EXPORTS = """
Chile 1 nsubj PROPN NNP Chile B-GPE
lifted 1 ROOT VERB VBD lift
a 3 det DET DT a
ban 1 dobj NOUN NN ban
on 3 prep ADP IN on
timber 6 compound NOUN NN timber
exports 4 pobj NOUN NNS export
. 1 punct PUNCT . .
"""

BAN_ON_SMOKING = """
Chile 1 nsubj PROPN NNP Chile B-GPE
announced 1 ROOT VERB VBD announce
a 3 det DET DT a
ban 1 dobj NOUN NN ban
on 3 prep ADP IN on
smoking 4 pobj NOUN NN smoking
. 1 punct PUNCT . .
"""

DUTIES_ON_IMPORTS = """
Peru 1 nsubj PROPN NNP Peru B-GPE
raised 1 ROOT VERB VBD raise
duties 1 dobj NOUN NNS duty
on 2 prep ADP IN on
imports 3 pobj NOUN NNS import
. 1 punct PUNCT . .
"""

DUTIES_ON_CARS = """
Peru 1 nsubj PROPN NNP Peru B-GPE
raised 1 ROOT VERB VBD raise
duties 1 dobj NOUN NNS duty
on 2 prep ADP IN on
cars 3 pobj NOUN NNS car
. 1 punct PUNCT . .
"""

DEFER_DEBT = """
Peru 1 nsubj PROPN NNP Peru B-GPE
agreed 1 ROOT VERB VBD agree
to 3 aux PART TO to
defer 1 xcomp VERB VB defer
debt 5 compound NOUN NN debt
repayments 3 dobj NOUN NNS repayment
. 1 punct PUNCT . .
"""

DEFER_VOTE = """
Peru 1 nsubj PROPN NNP Peru B-GPE
deferred 1 ROOT VERB VBD defer
the 3 det DET DT the
vote 1 dobj NOUN NN vote
. 1 punct PUNCT . .
"""

SUPPLY_WEAPONRY = """
Norway 2 nsubj PROPN NNP Norway B-GPE
will 2 aux AUX MD will
supply 2 ROOT VERB VB supply
weaponry 2 dobj NOUN NN weaponry
to 2 prep ADP IN to
Kenya 4 pobj PROPN NNP Kenya B-GPE
. 2 punct PUNCT . .
"""

OLD_WEAPONRY = """
The 1 det DET DT the
weaponry 2 nsubj NOUN NN weaponry
was 2 ROOT AUX VBD be
old 2 acomp ADJ JJ old
. 2 punct PUNCT . .
"""

COMMERCIAL_ACCORD = """
Peru 1 nsubj PROPN NNP Peru B-GPE
signed 1 ROOT VERB VBD sign
a 4 det DET DT a
commercial 4 amod ADJ JJ commercial
accord 1 dobj NOUN NN accord
. 1 punct PUNCT . .
"""

RATIFIED_PACT = """
Peru 1 nsubj PROPN NNP Peru B-GPE
ratified 1 ROOT VERB VBD ratify
the 3 det DET DT the
pact 1 dobj NOUN NN pact
. 1 punct PUNCT . .
"""

RATIFIED_PACT_WITH_CHILE = """
Peru 1 nsubj PROPN NNP Peru B-GPE
ratified 1 ROOT VERB VBD ratify
the 3 det DET DT the
pact 1 dobj NOUN NN pact
with 1 prep ADP IN with
Chile 4 pobj PROPN NNP Chile B-GPE
. 1 punct PUNCT . .
"""

DEAL_ON_BEEF = """
Peru 1 nsubj PROPN NNP Peru B-GPE
wants 1 ROOT VERB VBZ want
a 3 det DET DT a
deal 1 dobj NOUN NN deal
on 3 prep ADP IN on
beef 4 pobj NOUN NN beef
. 1 punct PUNCT . .
"""

DEAL_WITH_LENDERS = """
Peru 1 nsubj PROPN NNP Peru B-GPE
struck 1 ROOT VERB VBD strike
a 3 det DET DT a
deal 1 dobj NOUN NN deal
with 1 prep ADP IN with
its 6 poss PRON PRP$ its
lenders 4 pobj NOUN NNS lender
. 1 punct PUNCT . .
"""

TRADE_DEAL_WITH_CHILE = """
Peru 1 nsubj PROPN NNP Peru B-GPE
struck 1 ROOT VERB VBD strike
a 4 det DET DT a
trade 4 compound NOUN NN trade
deal 1 dobj NOUN NN deal
with 1 prep ADP IN with
Chile 5 pobj PROPN NNP Chile B-GPE
. 1 punct PUNCT . .
"""

BUY_MAIZE = """
Kenya 2 nsubj PROPN NNP Kenya B-GPE
will 2 aux AUX MD will
buy 2 ROOT VERB VB buy
2 4 compound NUM CD 2
mln 5 nummod NUM CD mln
tonnes 2 dobj NOUN NNS tonne
of 5 prep ADP IN of
maize 6 pobj NOUN NN maize
. 2 punct PUNCT . .
"""

BUY_STORY = """
Voters 1 nsubj NOUN NNS voter
buy 1 ROOT VERB VBP buy
the 3 det DET DT the
story 1 dobj NOUN NN story
. 1 punct PUNCT . .
"""

AID_FROM_TO = """
Kenya 1 nsubj PROPN NNP Kenya B-GPE
raised 1 ROOT VERB VBD raise
aid 1 dobj NOUN NN aid
from 1 prep ADP IN from
$ 5 nmod SYM $ $
2m 3 pobj NUM CD 2m
to 1 prep ADP IN to
$ 8 nmod SYM $ $
5m 6 pobj NUM CD 5m
. 1 punct PUNCT . .
"""

US_AID = """
The 2 det DET DT the
US 2 compound PROPN NNP US B-GPE
aid 3 nsubj NOUN NN aid
arrived 3 ROOT VERB VBD arrive
. 3 punct PUNCT . .
"""

FACES_TARIFFS = """
Chile 1 nsubj PROPN NNP Chile B-GPE
faces 1 ROOT VERB VBZ face
tariffs 1 dobj NOUN NNS tariff
. 1 punct PUNCT . .
"""

PERUS_QUOTA = """
Peru 2 poss PROPN NNP Peru B-GPE
's 0 case PART POS 's
quota 5 nsubj NOUN NN quota
on 2 prep ADP IN on
sugar 3 pobj NOUN NN sugar
ended 5 ROOT VERB VBD end
. 5 punct PUNCT . .
"""

PURCHASES_MADE_BY = """
Purchases 4 nsubj NOUN NNS purchase
made 0 acl VERB VBN make
by 1 agent ADP IN by
Kenya 2 pobj PROPN NNP Kenya B-GPE
rose 4 ROOT VERB VBD rise
. 4 punct PUNCT . .
"""

AGREED_TO_IMPOSE = """
Peru 1 nsubj PROPN NNP Peru B-GPE
agreed 1 ROOT VERB VBD agree
to 3 aux PART TO to
impose 1 xcomp VERB VB impose
tariffs 3 dobj NOUN NNS tariff
. 1 punct PUNCT . .
"""

URGED_TO_LIFT = """
Chile 1 nsubj PROPN NNP Chile B-GPE
urged 1 ROOT VERB VBD urge
Peru 1 dobj PROPN NNP Peru B-GPE
to 4 aux PART TO to
lift 1 xcomp VERB VB lift
tariffs 4 dobj NOUN NNS tariff
. 1 punct PUNCT . .
"""

SAID_TARIFFS_IMPOSED = """
Chile 1 nsubj PROPN NNP Chile B-GPE
said 1 ROOT VERB VBD say
tariffs 5 nsubjpass NOUN NNS tariff
would 5 aux AUX MD would
be 5 auxpass AUX VB be
imposed 1 ccomp VERB VBN impose
. 1 punct PUNCT . .
"""

PAIR_CLOSE_TO_DEAL = """
Peru 3 nsubj PROPN NNP Peru B-GPE
and 0 cc CCONJ CC and
Chile 0 conj PROPN NNP Chile B-GPE
met 3 ROOT VERB VBD meet
. 3 punct PUNCT . .
The 7 det DET DT the
two 7 nummod NUM CD two
countries 8 nsubj NOUN NNS country
are 8 ROOT AUX VBP be
close 8 acomp ADJ JJ close
to 9 prep ADP IN to
a 13 det DET DT a
trade 13 compound NOUN NN trade
deal 10 pobj NOUN NN deal
. 8 punct PUNCT . .
"""

CURBS_ON_CHILES_EXPORTS = """
Peru 1 nsubj PROPN NNP Peru B-GPE
lifted 1 ROOT VERB VBD lift
curbs 1 dobj NOUN NNS curb
on 2 prep ADP IN on
Chile 6 poss PROPN NNP Chile B-GPE
's 4 case PART POS 's
exports 3 pobj NOUN NNS export
. 1 punct PUNCT . .
"""

CURBS_ON_PERUS_EXPORTS = """
Peru 1 nsubj PROPN NNP Peru B-GPE
eased 1 ROOT VERB VBD ease
curbs 1 dobj NOUN NNS curb
on 2 prep ADP IN on
Peru 6 poss PROPN NNP Peru B-GPE
's 4 case PART POS 's
exports 3 pobj NOUN NNS export
. 1 punct PUNCT . .
"""

DID_NOT_BACK_QUOTA = """
Peru 3 nsubj PROPN NNP Peru B-GPE
did 3 aux AUX VBD do
not 3 neg PART RB not
back 3 ROOT VERB VB back
the 5 det DET DT the
quota 3 dobj NOUN NN quota
. 3 punct PUNCT . .
"""

DID_NOT_AGREE_TO_LIFT = """
Peru 3 nsubj PROPN NNP Peru B-GPE
did 3 aux AUX VBD do
not 3 neg PART RB not
agree 3 ROOT VERB VB agree
to 5 aux PART TO to
lift 3 xcomp VERB VB lift
the 7 det DET DT the
embargo 5 dobj NOUN NN embargo
. 3 punct PUNCT . .
"""

PLANS_TO_END_QUOTA = """
Chile 1 nsubj PROPN NNP Chile B-GPE
has 1 ROOT VERB VBZ have
plans 1 dobj NOUN NNS plan
to 4 aux PART TO to
end 2 acl VERB VB end
the 6 det DET DT the
quota 4 dobj NOUN NN quota
. 1 punct PUNCT . .
"""

BACKED_PLANS_TO_CANCEL = """
Ministers 1 nsubj NOUN NNS minister
backed 1 ROOT VERB VBD back
plans 1 dobj NOUN NNS plan
to 4 aux PART TO to
cancel 2 acl VERB VB cancel
the 6 det DET DT the
quota 4 dobj NOUN NN quota
. 1 punct PUNCT . .
"""

BOUGHT_DESPITE_QUOTA = """
Firms 1 nsubj NOUN NNS firm
bought 1 ROOT VERB VBD buy
steel 1 dobj NOUN NN steel
despite 1 prep ADP IN despite
the 5 det DET DT the
quota 3 pobj NOUN NN quota
. 1 punct PUNCT . .
"""

WILL_NEED_TRADE_DEAL = """
Peru 2 nsubj PROPN NNP Peru B-GPE
will 2 aux AUX MD will
need 2 ROOT VERB VB need
a 5 det DET DT a
trade 5 compound NOUN NN trade
deal 2 dobj NOUN NN deal
. 2 punct PUNCT . .
"""

WILL_KEEP_TARIFFS = """
Peru 2 nsubj PROPN NNP Peru B-GPE
will 2 aux AUX MD will
keep 2 ROOT VERB VB keep
tariffs 2 dobj NOUN NNS tariff
. 2 punct PUNCT . .
"""

TRADE_DEAL_HELPS = """
A 2 det DET DT a
trade 2 compound NOUN NN trade
deal 3 nsubj NOUN NN deal
helps 3 ROOT VERB VBZ help
Peru 3 dobj PROPN NNP Peru B-GPE
. 3 punct PUNCT . .
"""

TARIFFS_HURT = """
Chilean 1 amod ADJ JJ chilean B-NORP
tariffs 2 nsubj NOUN NNS tariff
hurt 2 ROOT VERB VBD hurt
Peru 2 dobj PROPN NNP Peru B-GPE
. 2 punct PUNCT . .
"""
